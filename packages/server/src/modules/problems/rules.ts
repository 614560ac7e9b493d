/** The escalation and reminder rules (督办规则), stored as a dispatch setting over the defaults. */
import { DEFAULT_ESCALATION, type EscalationRules } from '@pacer/domain';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Exec } from '../../db/exec.ts';
import { dispatchSettings, people } from '../../db/schema.ts';
import { fieldError } from '../../http/errors.ts';

const KEY = 'escalation';
const days = (what: string) => z.number({ error: `请填写${what}` }).int().min(0).max(60);

export const rulesInput = z.object({
  overdueWorkingDays: days('逾期多少个工作日后升级'),
  silentWorkingDays: days('连续多少个工作日无人办理后升级').min(1),
  signWithinWorkingDays: days('签收时限'),
  dueSoonWorkingDays: days('到期前多少个工作日提醒'),
  deadlineWorkingDays: z.object({ urgent: days('紧急问题办理时限').min(1), major: days('重要问题办理时限').min(1), normal: days('一般问题办理时限').min(1) }),
  principalPersonIds: z.array(z.uuid()).max(20),
});

export async function escalationRules(db: Exec): Promise<EscalationRules> {
  const [row] = await db.select().from(dispatchSettings).where(eq(dispatchSettings.key, KEY));
  const stored = (row?.value ?? {}) as Partial<EscalationRules>;
  return { ...DEFAULT_ESCALATION, ...stored, deadlineWorkingDays: { ...DEFAULT_ESCALATION.deadlineWorkingDays, ...(stored.deadlineWorkingDays ?? {}) } };
}

export async function saveEscalationRules(db: Exec, rules: EscalationRules, userId: string, now: Date): Promise<EscalationRules> {
  if (rules.principalPersonIds.length) {
    const found = await db.select({ id: people.id }).from(people).where(inArray(people.id, rules.principalPersonIds));
    if (found.length !== new Set(rules.principalPersonIds).size) throw fieldError(['principalPersonIds'], '主要领导中有不存在的人员');
  }
  await db
    .insert(dispatchSettings)
    .values({ key: KEY, value: rules, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({ target: dispatchSettings.key, set: { value: rules, updatedBy: userId, updatedAt: now } });
  return escalationRules(db);
}

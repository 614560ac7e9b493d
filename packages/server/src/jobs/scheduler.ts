/**
 * The in-process scheduler: a small interval that runs what is due. Daily jobs run once per
 * working day after the configured time, each under its run key (see runner.ts), so several
 * instances on one PostgreSQL database run each once; webhook deliveries are claimed row by
 * row. On PGlite there is one process, and the in-flight guard keeps ticks from overlapping.
 */
import { beijingLocal, isWorkingDay } from '@pacer/domain';
import { pruneChanges } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import { holidayCalendar } from '../modules/calendar/service.ts';
import { deliverDue } from '../modules/notifications/deliver.ts';
import { webhookPolicy, type WebhookPolicy } from '../modules/notifications/webhook-policy.ts';
import { escalationRules } from '../modules/problems/rules.ts';
import { sendDigests } from './digest.ts';
import { escalateProblems } from './escalate.ts';
import { remindMissingReports, remindProblems, remindReturnedReports } from './reminders.ts';
import { runOnce } from './runner.ts';

export interface JobContext {
  db: Db;
  now: () => Date;
  /** Name recorded in job_runs. */
  instance: string;
  /** Beijing 'HH:mm' from which the daily jobs run. */
  dailyAt: string;
  /** Where webhooks may post (PACER_WEBHOOK_ALLOW_HOSTS); public addresses only when not given. */
  webhookPolicy?: WebhookPolicy;
}

/** Runs everything due now; returns what ran, for logs and tests. */
export async function runDueJobs(jc: JobContext) {
  const now = jc.now();
  const local = beijingLocal(now);
  const today = local.slice(0, 10);
  // Idempotent by each notice's dedupe key, so it needs no run key and can run every tick.
  const watch = await jc.db.transaction((tx) => remindReturnedReports(tx, now));
  const daily = [];
  const calendar = await holidayCalendar(jc.db);
  if (isWorkingDay(today, calendar) && local.slice(11, 16) >= jc.dailyAt) {
    const rules = await escalationRules(jc.db);
    // In this order: the digest counts what escalation and reminders just produced.
    daily.push(await runOnce(jc.db, `escalate:${today}`, jc.instance, jc.now, (tx) => escalateProblems(tx, today, now, calendar, rules)));
    daily.push(
      await runOnce(jc.db, `reminders:${today}`, jc.instance, jc.now, async (tx) => ({ ...(await remindProblems(tx, today, now, calendar, rules)), reports: await remindMissingReports(tx, today, now, calendar) })),
    );
    daily.push(await runOnce(jc.db, `digest:${today}`, jc.instance, jc.now, (tx) => sendDigests(tx, today, now, calendar, rules)));
  }
  // Every day, working or not: the change log's old rows (db/changes.ts).
  const housekeeping = local.slice(11, 16) >= jc.dailyAt ? [await runOnce(jc.db, `prune-changes:${today}`, jc.instance, jc.now, async (tx) => ({ deleted: await pruneChanges(tx) }))] : [];
  const delivered = await deliverDue(jc.db, now, jc.webhookPolicy ?? webhookPolicy(''));
  return { today, watch, daily, housekeeping, delivered };
}

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(jc: JobContext, intervalMs: number, onError: (err: unknown) => void): Scheduler {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return; // the previous tick is still at work
    running = runDueJobs(jc)
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  const first = setTimeout(tick, 1_000);
  first.unref();
  return {
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}

/**
 * The mapping an organisation confirmed (表头记忆): header text → field. The next ledger
 * with the same headers maps by itself, whatever sheet or column they stand in.
 */
import { headerKey, LEDGER_FIELD_KEYS, type LedgerField } from '@pacer/domain';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { importHeaderMemory } from '../../db/schema.ts';
import type { SheetFinding } from './schema.ts';

export async function rememberedHeaders(db: Db, ownerKey: string): Promise<Map<string, LedgerField | null>> {
  const rows = await db.select().from(importHeaderMemory).where(eq(importHeaderMemory.ownerKey, ownerKey));
  const known = new Set<string>(LEDGER_FIELD_KEYS);
  return new Map(rows.filter((r) => r.field === null || known.has(r.field)).map((r) => [r.header, r.field as LedgerField | null]));
}

/** Keeps what a person confirmed; only columns whose header the rules did not already read that way. */
export async function rememberMapping(db: Db, ownerKey: string, userId: string | null, sheets: SheetFinding[]): Promise<void> {
  const values = sheets
    .filter((s) => s.enabled)
    .flatMap((s) => s.columns.filter((c) => c.source === 'user' || c.source === 'memory').map((c) => ({ ownerKey, header: headerKey(c.header.split(' / ')), field: c.field, updatedBy: userId })));
  const unique = [...new Map(values.map((v) => [v.header, v])).values()];
  if (!unique.length) return;
  await db
    .insert(importHeaderMemory)
    .values(unique)
    .onConflictDoUpdate({ target: [importHeaderMemory.ownerKey, importHeaderMemory.header], set: { field: sql`excluded.field`, updatedAt: sql`now()`, updatedBy: sql`excluded.updated_by` } });
}

export async function listMemory(db: Db, ownerKey: string) {
  const rows = await db.select().from(importHeaderMemory).where(eq(importHeaderMemory.ownerKey, ownerKey)).orderBy(importHeaderMemory.header);
  return rows.map((r) => ({ header: r.header, field: r.field, updatedAt: r.updatedAt.toISOString() }));
}

export async function forgetHeader(db: Db, ownerKey: string, header: string): Promise<boolean> {
  const gone = await db.delete(importHeaderMemory).where(sql`${importHeaderMemory.ownerKey} = ${ownerKey} and ${importHeaderMemory.header} = ${header}`).returning();
  return gone.length > 0;
}

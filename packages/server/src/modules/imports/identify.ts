/**
 * Which project a ledger row is about: the national project code first, else the name within
 * its region (a county's own ledger often has no region column: then the name alone, if only
 * one project carries it). Two rows of one file naming the same project are refused.
 */
import type { LedgerValues } from '@pacer/domain';
import type { ImportDefaults } from './schema.ts';
import type { Dictionary } from './dictionary.ts';
import type { ExistingBatch, ExistingProject } from './existing.ts';

export type Identity = { existing: ExistingProject | null; key: string } | { error: string };

/** The region a row is in, when it says so (or the park it names, or the import's default). */
export function rowRegion(v: LedgerValues, dict: Dictionary, defaults: ImportDefaults): string | null {
  if (v.region !== undefined) {
    const r = dict.region(v.region);
    return r.ok ? r.id : null;
  }
  if (v.park !== undefined) {
    const p = dict.park(v.park);
    if (p.ok) return dict.parentOf(p.id);
  }
  return defaults.regionCode ?? null;
}

export function identify(v: LedgerValues, batch: ExistingBatch, dict: Dictionary, defaults: ImportDefaults, ownerOnly = false): Identity {
  const region = rowRegion(v, dict, defaults);
  if (v.code) {
    const byCode = batch.byCode.get(v.code);
    if (byCode) {
      if (!byCode.visible) return { error: ownerOnly ? '不是本单位的项目，不能导入' : `项目代码 ${v.code} 已被系统中另一个项目使用（不在您的查看范围内），请核对代码` };
      return { existing: byCode, key: `code:${v.code}` };
    }
  }
  const named = v.name ? (batch.byName.get(v.name) ?? []) : [];
  const candidates = region ? named.filter((p) => p.row.regionCode === region) : named;
  const key = v.code ? `code:${v.code}` : `name:${region ?? ''}/${v.name ?? ''}`;
  if (!candidates.length) return { existing: null, key };
  if (candidates.length > 1) return { error: `有 ${candidates.length} 个不同区划的项目都叫"${v.name}"，请增加"县市区"列或填写项目代码以区分` };
  const found = candidates[0]!;
  if (!found.visible) return { error: ownerOnly ? '不是本单位的项目，不能导入' : `同一区划内已有名为"${v.name}"的项目（不在您的查看范围内），请核对项目名称` };
  if (v.code && found.row.code && found.row.code !== v.code) {
    return { error: `系统中同一区划的"${v.name}"项目代码为 ${found.row.code}，与表中的 ${v.code} 不同，请核对` };
  }
  return { existing: found, key: found.row.code ? `code:${found.row.code}` : key };
}

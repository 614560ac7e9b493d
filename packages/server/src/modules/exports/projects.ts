/**
 * The project list as an Excel table (项目库导出): the filters, columns and money unit of the
 * list on screen, written row by row (streaming) so a whole city's library fits in memory.
 * The headers are ones the importer reads, so an export edited and imported again just works.
 */
import {
  beijingLocal,
  COMPETITION_TRACKS,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_STATUSES,
  yuanToWan,
  type ProjectListQuery,
  type ProjectSummary,
} from '@pacer/domain';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations, people, regions } from '../../db/schema.ts';
import { printedSheet, WAN_FORMAT, type Cell, type PrintedColumn } from '../../xlsx/printed.ts';
import type { UserContext } from '../auth/sessions.ts';
import { listProjects } from '../projects/queries.ts';

/** Columns of the list, by the keys the web list's column settings use. */
export const PROJECT_EXPORT_COLUMNS = ['code', 'name', 'levels', 'category', 'status', 'track', 'region', 'owner', 'leader', 'hq', 'totalInvestmentYuan', 'annualPlanYuan', 'plannedStart', 'plannedFinish', 'updatedAt'] as const;
export type ProjectExportColumn = (typeof PROJECT_EXPORT_COLUMNS)[number];
export const DEFAULT_PROJECT_COLUMNS = PROJECT_EXPORT_COLUMNS.filter((c) => c !== 'updatedAt');

export type MoneyUnit = 'wan' | 'yi';
const PAGE = 2000;
/** More rows than any city's library: an export beyond it is cut and says so. */
export const MAX_EXPORT_ROWS = 200_000;

type Spec = { columns: PrintedColumn[]; value: (p: ProjectSummary) => Cell[] };

function columnSpec(key: ProjectExportColumn, year: number, unit: MoneyUnit): Spec {
  const money = (y: number | null) => (y === null ? null : unit === 'wan' ? yuanToWan(y) : y / 100_000_000);
  const u = unit === 'wan' ? '万元' : '亿元';
  const one = (header: string, width: number, value: (p: ProjectSummary) => Cell, numFmt?: string): Spec => ({ columns: [{ header, width, numFmt }], value: (p) => [value(p)] });
  switch (key) {
    case 'code':
      return one('项目代码', 27, (p) => p.code ?? '');
    case 'name':
      return one('项目名称', 40, (p) => p.name);
    case 'levels':
      return one('项目级别', 16, (p) => p.levels.map((l) => PROJECT_LEVELS.label(l)).join('、'));
    case 'category':
      return one('项目类别', 16, (p) => PROJECT_CATEGORIES.label(p.category));
    case 'status':
      return one('建设状态', 10, (p) => PROJECT_STATUSES.label(p.status));
    case 'track':
      return one('竞赛赛道', 10, (p) => (p.track ? COMPETITION_TRACKS.label(p.track) : ''));
    case 'region':
      // Two columns, as the importer reads them: the county and the park.
      return { columns: [{ header: '县市区', width: 10 }, { header: '所在园区', width: 12 }], value: (p) => [p.regionName, p.parkName ?? ''] };
    case 'owner':
      return one('业主单位', 30, (p) => p.owner?.name ?? '');
    case 'leader':
      return one('联点领导', 10, (p) => p.leader?.name ?? '');
    case 'hq':
      return one('协调指挥部', 26, (p) => p.hq?.name ?? '');
    case 'totalInvestmentYuan':
      return one(`计划总投资（${u}）`, 16, (p) => money(p.totalInvestmentYuan), WAN_FORMAT);
    case 'annualPlanYuan':
      return one(`${year}年计划投资（${u}）`, 16, (p) => money(p.annualPlanYuan), WAN_FORMAT);
    case 'plannedStart':
      return one('计划开工时间', 12, (p) => p.plannedStart ?? '');
    case 'plannedFinish':
      return one('计划竣工时间', 12, (p) => p.plannedFinish ?? '');
    case 'updatedAt':
      return one('更新时间', 17, (p) => beijingLocal(new Date(p.updatedAt)).replace('T', ' '));
  }
}

/** The filters in words, for the line under the title ("筛选：类别 产业项目；区划 雨湖区"). */
async function describeFilters(db: Db, q: ProjectListQuery): Promise<string> {
  const parts: string[] = [];
  const labels = (list: readonly string[], vocab: { label(k: string): string }) => list.map((k) => vocab.label(k)).join('、');
  if (q.level.length) parts.push(`级别 ${labels(q.level, PROJECT_LEVELS)}`);
  if (q.category.length) parts.push(`类别 ${labels(q.category, PROJECT_CATEGORIES)}`);
  if (q.status.length) parts.push(`状态 ${labels(q.status, PROJECT_STATUSES)}`);
  if (q.track.length) parts.push(`赛道 ${labels(q.track, COMPETITION_TRACKS)}`);
  if (q.region.length) parts.push(`区划 ${(await db.select({ name: regions.name }).from(regions).where(inArray(regions.code, q.region))).map((r) => r.name).join('、')}`);
  const orgNames = async (ids: string[]) => (await db.select({ name: organisations.name }).from(organisations).where(inArray(organisations.id, ids))).map((o) => o.name).join('、');
  if (q.hq.length) parts.push(`指挥部 ${await orgNames(q.hq)}`);
  if (q.owner.length) parts.push(`业主 ${await orgNames(q.owner)}`);
  if (q.leader.length) parts.push(`联点领导 ${(await db.select({ name: people.name }).from(people).where(inArray(people.id, q.leader))).map((p) => p.name).join('、')}`);
  if (q.q) parts.push(`关键词 "${q.q}"`);
  if (q.mine) parts.push('只看我联点的');
  if (q.deleted === 'only') parts.push('回收站');
  return parts.length ? `筛选：${parts.join('；')}` : '全部项目';
}

export async function projectsWorkbook(db: Db, user: UserContext, query: ProjectListQuery, opts: { columns?: readonly ProjectExportColumn[]; unit?: MoneyUnit; now?: Date } = {}): Promise<{ body: Buffer; rows: number; fileName: string }> {
  const now = opts.now ?? new Date();
  const year = query.year ?? Number(beijingLocal(now).slice(0, 4));
  const unit = opts.unit ?? 'wan';
  const specs = ['seq' as const, ...(opts.columns?.length ? opts.columns : DEFAULT_PROJECT_COLUMNS)].map((k) =>
    k === 'seq' ? { columns: [{ header: '序号', width: 6 }], value: () => [] as Cell[] } : columnSpec(k, year, unit),
  );
  const columns = specs.flatMap((s) => s.columns);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '领跑 Pacer';
  const note = `${await describeFilters(db, query)}　　导出时间：${beijingLocal(now).replace('T', ' ')}　　单位：${unit === 'wan' ? '万元' : '亿元'}`;
  const sheet = printedSheet(wb, '项目库', { title: `${year}年重点项目库`, note, columns, streaming: true });
  let n = 0;
  let total = 0;
  let plan = 0;
  for (let page = 1; n < MAX_EXPORT_ROWS; page++) {
    const { items } = await listProjects(db, user, { ...query, page, pageSize: PAGE }, now);
    sheet.addRows(items.map((p, i) => specs.flatMap((s, j) => (j === 0 ? [n + i + 1] : s.value(p)))));
    n += items.length;
    for (const p of items) {
      total += p.totalInvestmentYuan;
      plan += p.annualPlanYuan ?? 0;
    }
    if (items.length < PAGE) break;
  }
  // 合计 as offices print it; the importer passes over it.
  const sums = specs.flatMap((s, j): Cell[] => (j === 0 ? ['合计'] : s.columns.map((c) => (c.header.startsWith('计划总投资') ? money(total, unit) : c.header.includes('年计划投资') ? money(plan, unit) : null))));
  sheet.addRows([sums], { bold: true });
  sheet.ws.commit();
  await wb.commit();
  return { body: Buffer.concat(chunks), rows: n, fileName: `${year}年重点项目库（${beijingLocal(now).slice(0, 10)}）.xlsx` };
}

const money = (yuan: number, unit: MoneyUnit) => (unit === 'wan' ? yuanToWan(yuan) : yuan / 100_000_000);

/**
 * Builds a reproducible fictional data set for the benchmarks and bulk-loads it with COPY.
 *
 *   npm run bench:data -- --scale city|province [--seed N] [--engine pglite|postgres|both]
 *
 * city: 湘潭市, 2,000 projects. province: 湖南省, 14 prefectures, ~125 divisions and parks,
 * 50,000 projects (湘潭 keeps the same 2,000). Reports: this year's weekly and monthly, two
 * prior years of monthly; problems; eight published weekly boards of 湘潭. PGlite goes to
 * .bench/pglite-<scale>, PostgreSQL to the database pacer_bench_<scale> on BENCH_DATABASE_URL.
 */
import { parseArgs } from 'node:util';
import { beijingLocal } from '@pacer/domain';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../src/db/schema.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { csvLine, json, type Cell } from './lib/csv.ts';
import { openSink, type Sink } from './lib/sink.ts';
import { enginesFrom, open, recreate, targetOf, writeManifest, type Engine, type Scale } from './lib/target.ts';
import { generateBoards } from './data/boards.ts';
import { BENCH_CITY } from './data/geography.ts';
import { idFactory } from './data/ids.ts';
import { generateProblems } from './data/problems.ts';
import { generateReports } from './data/reports.ts';
import { buildWorld, type World } from './data/world.ts';

export const BENCH_PASSWORD = 'bench-pacer-2026';
const BOARD_WEEKS = 8;

function* rows<T>(list: Iterable<T>, toCells: (item: T) => Cell[]): Generator<string> {
  for (const item of list) yield csvLine(toCells(item));
}

/** COPY of records keyed by drizzle property name, so a renamed column follows the schema. */
async function copyTable(sink: Sink, table: PgTable, records: Record<string, unknown>[]): Promise<number> {
  if (!records.length) return 0;
  const columns = getTableColumns(table);
  const keys = Object.keys(records[0]!);
  const names = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${getTableName(table)} has no column for ${k}`);
    return column.name;
  });
  return sink.copy(getTableName(table), names, rows(records, (r) => keys.map((k) => r[k] as Cell)));
}

/** COPY of records keyed by column name (the keys of the first record are the columns). */
async function copyRecords(sink: Sink, table: string, records: Record<string, unknown>[]): Promise<number> {
  if (!records.length) return 0;
  const columns = Object.keys(records[0]!);
  return sink.copy(table, columns, rows(records, (r) => columns.map((c) => r[c] as Cell)));
}

async function load(engine: Engine, scale: Scale, seed: number, today: string): Promise<void> {
  const target = targetOf(engine, scale);
  const started = performance.now();
  const log = (what: string) => console.log(`  [${engine} ${scale}] ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${what}`);
  await recreate(target);
  const database = await open(target);
  const counts: Record<string, number> = {};
  try {
    await migrateDatabase(database);
    const sink = await openSink(database);
    if (engine === 'postgres') await sink.exec('set synchronous_commit = off');
    const world = buildWorld(scale, seed, today);
    log(`world built: ${world.projects.length} projects, ${world.orgs.length} units`);
    await loadWorld(sink, world, counts);
    log('projects, plans, milestones, campaigns loaded');

    // The latest_reports triggers would recompute each chunk's projects again and again: off for
    // the load, and the rollup built once from all the reports afterwards.
    await sink.exec('alter table progress_reports disable trigger user');
    try {
      counts.progress_reports = await sink.copy(
        'progress_reports',
        ['id', 'project_id', 'period_kind', 'period_start', 'period_end', 'year', 'status', 'version', 'period_yuan', 'ytd_yuan', 'since_start_yuan', 'paid_ytd_yuan', 'physical_progress', 'findings', 'submitted_at', 'reviewed_at', 'created_at', 'updated_at'],
        rows(generateReports(world, seed), (r) => [r.id, r.projectId, r.kind, r.start, r.end, r.year, r.status, r.version, r.periodYuan, r.ytdYuan, r.sinceStartYuan, r.paidYtdYuan, r.progress, json(r.findings), r.submittedAt, r.reviewedAt, r.createdAt, r.submittedAt]),
      );
    } finally {
      await sink.exec('alter table progress_reports enable trigger user');
    }
    await sink.exec('select rebuild_latest_reports()');
    log(`${counts.progress_reports} reports loaded, latest_reports rebuilt`);
    // One version row per report (its last state), with the figures; the full save/submit/approve
    // history would triple this table without changing what the benchmarks read.
    counts.report_versions = await sink.copy(
      'report_versions',
      ['report_id', 'version', 'action', 'status', 'data', 'at'],
      rows(generateReports(world, seed), (r) => [r.id, r.version, r.status === 'approved' ? 'approve' : 'submit', r.status, json({ ytdYuan: r.ytdYuan, periodYuan: r.periodYuan, sinceStartYuan: r.sinceStartYuan }), r.reviewedAt ?? r.submittedAt]),
    );
    log(`${counts.report_versions} report versions loaded`);

    const { office, owners } = await loadUsers(sink, world, seed, counts);
    const boards = generateBoards(world, seed, BOARD_WEEKS);
    counts.boards = await copyRecords(
      sink,
      'boards',
      boards.map((b) => ({ id: b.id, year: world.year, week_start: b.week.start, week_end: b.week.end, version: 1, time_progress: b.timeProgress, changes: json([]), published_at: b.publishedAt, published_by: office })),
    );
    counts.board_entries = 0;
    for (const b of boards) counts.board_entries += await copyRecords(sink, 'board_entries', b.entries);
    log(`${counts.boards} boards with ${counts.board_entries} entries loaded`);

    const problems = generateProblems(world, seed);
    counts.problems = await copyTable(sink, schema.problems, problems.problems);
    await copyTable(sink, schema.problemHandlers, problems.handlers);
    counts.problem_events = await copyTable(sink, schema.problemEvents, problems.events);
    await sink.exec(`select setval(pg_get_serial_sequence('problems', 'number'), (select coalesce(max(number), 1) from problems))`);
    await sink.exec(`select setval(pg_get_serial_sequence('problem_events', 'seq'), (select coalesce(max(seq), 1) from problem_events))`);
    log(`${counts.problems} problems loaded`);

    await sink.exec(engine === 'postgres' ? 'vacuum analyze' : 'analyze');
    log('analyzed');
    writeManifest(target, {
      scale,
      engine,
      seed,
      today,
      generatedAt: new Date().toISOString(),
      loadSeconds: Math.round((performance.now() - started) / 100) / 10,
      counts,
      cityCode: BENCH_CITY,
      password: BENCH_PASSWORD,
      office,
      owners,
    });
  } finally {
    await database.close();
  }
}

async function loadWorld(sink: Sink, w: World, counts: Record<string, number>) {
  counts.regions = await copyRecords(sink, 'regions', w.regions.map((r) => ({ code: r.code, name: r.name, parent_code: r.parentCode, kind: r.kind, sort: r.sort })));
  counts.organisations = await copyRecords(sink, 'organisations', w.orgs.map((o) => ({ id: o.id, name: o.name, kind: o.kind, region_code: o.regionCode })));
  counts.people = await copyRecords(sink, 'people', w.people.map((p) => ({ id: p.id, name: p.name, title: p.title, org_id: p.orgId })));
  await copyRecords(sink, 'industrial_chains', w.chains.map((c) => ({ id: c.id, name: c.name, leader_person_id: c.leaderPersonId })));
  counts.projects = await sink.copy(
    'projects',
    ['id', 'code', 'name', 'levels', 'category', 'status', 'track', 'region_code', 'park_code', 'industry_code', 'chain_id', 'owner_org_id', 'responsible_org_id', 'leader_person_id', 'hq_org_id', 'service_team_org_id', 'contact_name', 'contact_phone', 'total_investment_yuan', 'planned_start', 'planned_finish', 'latitude', 'longitude', 'description'],
    rows(w.projects, (p) => [p.id, p.code, p.name, p.levels, p.category, p.status, p.track, p.regionCode, p.parkCode, p.industryCode, p.chainId, p.owner.id, p.responsibleOrgId, p.leaderPersonId, p.hq.id, p.serviceTeamOrgId, '王工', `0731-5${String(1_000_000 + p.index).slice(-7)}`, p.totalYuan, p.plannedStart, p.plannedFinish, p.lat, p.lng, `${p.name}，总投资约${(p.totalYuan / 1e8).toFixed(2)}亿元，由${p.owner.name}建设。`]),
  );
  counts.project_annual_plans = await sink.copy('project_annual_plans', ['project_id', 'year', 'amount_yuan', 'baseline_yuan'], (function* () {
    for (const p of w.projects) for (const [year, amount] of p.plans) yield csvLine([p.id, year, amount, amount]);
  })());
  await sink.copy('project_funding', ['project_id', 'source', 'amount_yuan'], (function* () {
    for (const p of w.projects) for (const f of p.funding) yield csvLine([p.id, f.source, f.amountYuan]);
  })());
  counts.project_milestones = await sink.copy('project_milestones', ['project_id', 'kind', 'planned_date', 'baseline_date', 'actual_date'], (function* () {
    for (const p of w.projects) for (const m of p.milestones) yield csvLine([p.id, m.kind, m.plannedDate, m.plannedDate, m.actualDate]);
  })());
  await copyRecords(sink, 'campaigns', w.campaigns.map((c) => ({ id: c.id, year: c.year, name: `${c.year}年重点项目建设"奋力奔跑 合力攻坚"竞赛活动`, slogan: '奋力奔跑 合力攻坚', starts_on: `${c.year}-01-01`, ends_on: `${c.year}-12-31`, created_at: new Date(`${c.year}-01-01T00:00:00Z`) })));
  counts.campaign_projects = await sink.copy('campaign_projects', ['campaign_id', 'project_id'], (function* () {
    for (const c of w.campaigns) for (const p of w.projects) if (p.status !== 'reserve') yield csvLine([c.id, p.id]);
  })());
}

/** One office account and one owner account per unit of the first 200 owners of 湘潭, all with one known password (hashed once). */
async function loadUsers(sink: Sink, w: World, seed: number, counts: Record<string, number>) {
  const hash = await hashPassword(BENCH_PASSWORD);
  const userId = idFactory(seed, 10);
  const office = { id: userId(), username: 'bench-office', display_name: '竞赛办（基准测试）', role: 'office', org_id: null, password_hash: hash };
  const owners = w.benchOwners.map((o, i) => ({ id: userId(), username: `bench-owner-${String(i + 1).padStart(3, '0')}`, display_name: o.name, role: 'owner', org_id: o.id, password_hash: hash }));
  counts.users = await copyRecords(sink, 'users', [office, ...owners]);
  return { office: office.id, owners: owners.map((o) => o.username) };
}

async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'city' }, seed: { type: 'string', default: '1' }, engine: { type: 'string' }, today: { type: 'string' } } });
  const scale = values.scale as Scale;
  if (scale !== 'city' && scale !== 'province') throw new Error(`--scale should be city or province, not ${values.scale}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed should be a whole number');
  // The data follow the calendar: reports up to the last deadline that has passed today.
  const today = values.today ?? beijingLocal(new Date()).slice(0, 10);
  for (const engine of enginesFrom(values.engine)) await load(engine, scale, seed, today);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

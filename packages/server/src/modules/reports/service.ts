/**
 * The report workflow: draft → submitted → returned or approved. Each change checks the
 * report's version, re-runs the checks, and keeps a version row atomically with the change —
 * saving and submitting as one compare-and-set statement (the Friday rush), reviewing in a
 * transaction that locks the report — so nothing accepted is lost and a double-clicked submit
 * changes it once.
 */
import { checkReport, periodOf, REPORT_FIELD_LABELS, REPORT_STATUS_LABELS, type ReportData, type ReportFinding, type ReportStatus } from '@pacer/domain';
import { and, eq, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { buildStatement, queryRowsPrepared, runStatement, type BuiltStatement, type Db } from '../../db/client.ts';
import { progressReports, projectMilestones, projects, reportVersions } from '../../db/schema.ts';
import { conflict, FieldValidationError, notFound } from '../../http/errors.ts';
import type { UserContext } from '../auth/sessions.ts';
import { readScope, scopeTemplate, writeScope } from '../projects/scope.ts';
import { contextColumns, contextFromRow, reportContextAndRule } from './context.ts';
import { present, presentReport } from './present.ts';
import { LOCKED_STATUSES as LOCKED, reportFromRaw, reportWrite, withVersion, type ReportRow, type ReportWriteValues } from './rows.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Row = typeof progressReports.$inferSelect;

const LOCKED_STATUSES = new Set(LOCKED);

/**
 * Saves a draft for a project and period, creating it or updating the one there is. One read
 * (project in scope, the current report, the checks' context; a second only when the report is
 * locked or at another version) and one write that is also the version check: it changes the
 * report only if nobody changed it since the read, and keeps the version row in the same statement.
 *
 * With `submit` (the form's 提交审核 button) the same write also submits the report when the
 * checks find no error — one request instead of save-then-submit; with an error it is kept as a
 * draft and comes back with the errors in its findings, exactly as a save would.
 * `now` is the app's clock (a fake one in tests); `today` the Beijing date it falls on.
 */
export async function saveReport(db: Db, user: UserContext, input: ReportData, version: number | null, today: string, now = new Date(), submit = false) {
  const base = periodOf(input.periodKind, input.periodDate);
  if (base.start > today) throw new FieldValidationError([{ path: ['periodDate'], field: '填报周期', message: '还没到这个周期，不能提前填报' }]);
  const period = { ...base, year: Number(base.end.slice(0, 4)) };
  const scope = scopeTemplate(user, 'write');
  // Object.assign rather than spreads here and below: V8 builds an object spread from two sources
  // on a slow path (~3 µs a request each, measured).
  const keys = Object.assign({ projectId: input.projectId, periodKind: period.kind, periodStart: period.start, year: period.year }, scope.values);
  // Usually the period has no report yet, or has the draft whose version the form sent: then the
  // save needs only the report's id and version. Anything else (a replay, a locked report, a
  // stale version) is answered from the whole report, read again — as if the request came then.
  let [hit] = await runStatement<Record<string, unknown>>(db, reportToSave(db, scope, false), keys);
  const whole = hit !== undefined && !isUsualSave(hit, version);
  if (whole) [hit] = await runStatement<Record<string, unknown>>(db, reportToSave(db, scope, true), keys);
  if (!hit) throw notFound('项目');
  const name = String(hit.project_name);
  let current: { id: string; version: number } | null = null;
  if (hit.id !== null && hit.id !== undefined) {
    if (whole) {
      const report = reportFromRaw(hit);
      if (submit && isReplayedSubmit(report, input, version, user)) return presentReport(report, name, contextFromRow(hit).rule);
      if (LOCKED_STATUSES.has(report.status)) throw conflict('本期报表已提交，不能再修改；如需更正，请联系审核人退回。', { current: await present(db, report, name) });
      if (version !== report.version) throw await staleVersion(db, report, name, version);
    }
    current = { id: hit.id as string, version: hit.version as number };
  }
  const { context, rule } = contextFromRow(hit);
  const findings = checkReport(input, context);
  const submitting = submit && !findings.some((f) => f.level === 'error');
  const values: ReportWriteValues = {
    periodYuan: input.periodYuan,
    ytdYuan: input.ytdYuan,
    sinceStartYuan: input.sinceStartYuan,
    paidYtdYuan: input.paidYtdYuan,
    physicalProgress: input.physicalProgress,
    problems: input.problems,
    milestones: input.milestones,
    findings,
    now,
    userId: user.id,
  };
  const write = reportWrite(db, current !== null, submitting);
  const where = current
    ? { id: current.id, version: current.version, nextVersion: current.version + 1 }
    : { projectId: input.projectId, periodKind: period.kind, periodStart: period.start, periodEnd: period.end, year: period.year };
  const [saved] = (await runStatement<Record<string, unknown>>(db, write, Object.assign<Record<string, unknown>, ReportWriteValues, typeof where>({}, values, where))).map(reportFromRaw);
  if (!saved) {
    // Two first saves at once: the loser finds the row the winner made and must re-read it.
    if (!current) return lostFirstSave(db, user, input, submit, name);
    const now = await reread(db, current.id);
    if (submit && isReplayedSubmit(now, input, version, user)) return present(db, now, name);
    if (LOCKED_STATUSES.has(now.status)) throw conflict('本期报表已提交，不能再修改；如需更正，请联系审核人退回。', { current: await present(db, now, name) });
    throw await staleVersion(db, now, name, version);
  }
  return presentReport(saved, name, rule);
}

/**
 * Whether a save can go ahead on what the brief read gave: no report for the period yet, or a
 * report that is not locked and is at the version the form sent.
 */
function isUsualSave(hit: Record<string, unknown>, version: number | null): boolean {
  if (hit.id === null || hit.id === undefined) return true;
  return !LOCKED_STATUSES.has(hit.status as string) && hit.version === version;
}

/**
 * The read of a save: the project in the user's scope, the period's report if there is one, and
 * the checks' context, in one statement — built once per scope shape, since building it on every
 * request of the Friday rush cost more CPU than PostgreSQL spends running it. Brief (`whole`
 * false), it reads only the report's id, status and version: the driver's CPU grows with every
 * column a statement returns, and the usual save needs no more.
 */
function reportToSave(db: Db, scope: ReturnType<typeof scopeTemplate>, whole: boolean): BuiltStatement {
  const key = `${whole ? 'whole' : 'brief'} ${scope.shape}`;
  let built = savesRead.get(key);
  if (!built) {
    const [kind, start] = [sql.placeholder('periodKind'), sql.placeholder('periodStart')];
    const report = whole ? sql`r.*` : sql`r.id, r.status, r.version`;
    const query = sql`select projects.name as project_name, ${report}, ${contextColumns({ project: sql`projects.id`, kind: sql`${kind}::text`, start: sql`${start}::date`, year: sql`${sql.placeholder('year')}::int` })}
        from projects
        left join progress_reports r on r.project_id = projects.id and r.period_kind = ${kind}::text and r.period_start = ${start}::date
        where projects.id = ${sql.placeholder('projectId')}::uuid and projects.deleted_at is null and ${scope.where ?? sql`true`}`;
    savesRead.set(key, (built = buildStatement(db, query)));
  }
  return built;
}

/** By brief or whole and scope shape: a handful (roles × whether an organisation and a region are set). */
const savesRead = new Map<string, BuiltStatement>();

/**
 * A save-and-submit sent twice (a double click, a retry after a lost response) finds the report
 * already submitted by this user with exactly these figures, one version on from the one it read:
 * the answer is that submission, not an error.
 */
function isReplayedSubmit(report: ReportRow, input: ReportData, version: number | null, user: UserContext): boolean {
  if (report.status !== 'submitted' || report.submittedBy !== user.id) return false;
  if (report.version !== (version ?? 0) + 1) return false;
  return (
    report.periodYuan === input.periodYuan &&
    report.ytdYuan === input.ytdYuan &&
    report.sinceStartYuan === input.sinceStartYuan &&
    report.paidYtdYuan === input.paidYtdYuan &&
    report.physicalProgress === input.physicalProgress &&
    report.problems === input.problems &&
    sameMilestones(report.milestones as ReportData['milestones'], input.milestones)
  );
}

// Compared field by field: jsonb keeps an object's keys in its own order.
const sameMilestones = (a: ReportData['milestones'], b: ReportData['milestones']) =>
  a.length === b.length && a.every((m, i) => m.kind === b[i]!.kind && m.actualDate === b[i]!.actualDate);

/** Two first saves of one period at once: the loser's answer depends on what the winner made. */
async function lostFirstSave(db: Db, user: UserContext, input: ReportData, submit: boolean, name: string) {
  const period = periodOf(input.periodKind, input.periodDate);
  const [winner] = await db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.projectId, input.projectId), eq(progressReports.periodKind, period.kind), eq(progressReports.periodStart, period.start)));
  if (winner && submit && isReplayedSubmit(winner, input, null, user)) return present(db, winner, name);
  throw conflict('同一周期的报表刚被他人创建，请刷新后在其基础上修改。');
}

/**
 * Submits a draft. Errors block it; warnings and flags go to the reviewer. Replaying the same
 * submit is harmless. Like a save: one read, and one write that happens only if the report is
 * still the version the checks ran on.
 */
export async function submitReport(db: Db, user: UserContext, id: string, version: number, now = new Date()) {
  const { report, name, checks } = await readForSubmit(db, user, id);
  if (report.status === 'submitted' && version === report.version - 1) return present(db, report, name); // double click
  if (LOCKED_STATUSES.has(report.status)) throw conflict('本期报表已提交，无需重复提交。', { current: await present(db, report, name) });
  if (version !== report.version) throw await staleVersion(db, report, name, version);
  const { context, rule } = checks;
  const findings = checkReport(report, context);
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length) throw findingsError(errors);
  const write = db
    .update(progressReports)
    .set({ status: 'submitted', findings, version: report.version + 1, submittedAt: now, submittedBy: user.id, returnReason: null, updatedAt: now })
    .where(and(eq(progressReports.id, id), eq(progressReports.version, report.version), notInArray(progressReports.status, [...LOCKED_STATUSES])))
    .returning();
  const [saved] = await writeWithVersion(db, write.getSQL(), 'submit', user);
  if (saved) return presentReport(saved, name, rule);
  // Changed since the read: a double click that lost the race sees its twin's submission.
  const current = await reread(db, id);
  if (current.status === 'submitted' && version === current.version - 1) return present(db, current, name);
  if (LOCKED_STATUSES.has(current.status)) throw conflict('本期报表已提交，无需重复提交。', { current: await present(db, current, name) });
  throw await staleVersion(db, current, name, version);
}

/** The report with its project in the user's scope and the checks' context, in one statement. */
async function readForSubmit(db: Db, user: UserContext, id: string) {
  const [row] = await queryRowsPrepared<Record<string, unknown>>(
    db,
    sql`select projects.name as project_name, r.*, ${contextColumns({ project: sql`r.project_id`, kind: sql`r.period_kind`, start: sql`r.period_start`, year: sql`r.year` })}
        from progress_reports r
        join projects on projects.id = r.project_id and projects.deleted_at is null and ${writeScope(user) ?? sql`true`}
        where r.id = ${id}`,
  );
  if (row) return { report: reportFromRaw(row), name: String(row.project_name), checks: contextFromRow(row) };
  // Missing or out of scope: the two steps tell which, as they always have.
  const report = await reread(db, id);
  const project = await projectInScope(db, user, report.projectId, 'write');
  return { report, name: project.name, checks: await reportContextAndRule(db, report.projectId, { kind: report.periodKind as 'week' | 'month', start: report.periodStart, end: report.periodEnd, year: report.year }) };
}

async function writeWithVersion(db: Db, write: SQL, action: string, user: UserContext): Promise<ReportRow[]> {
  return (await queryRowsPrepared<Record<string, unknown>>(db, withVersion(write, action, user.id))).map(reportFromRaw);
}

async function reread(db: Db, id: string): Promise<ReportRow> {
  const [report] = await db.select().from(progressReports).where(eq(progressReports.id, id));
  if (!report) throw notFound('报表');
  return report;
}

/** Approves a submitted report; accepting warnings needs a written note. */
export async function approveReport(db: Db, user: UserContext, id: string, version: number, note: string | null, now = new Date()) {
  return review(db, user, id, version, now, async (report, tx) => {
    await recordMilestones(tx, report);
    const warnings = (report.findings as ReportFinding[]).filter((f) => f.level === 'warning');
    if (warnings.length && !note?.trim()) {
      throw new FieldValidationError([{ path: ['note'], field: '审核意见', message: `报表有 ${warnings.length} 条需核实的提示（${warnings.map((w) => w.message).join('；')}），通过前请填写审核意见` }]);
    }
    return { status: 'approved', reviewNote: note?.trim() || null };
  });
}

/** Returns a submitted report to its owner with a reason. */
export async function returnReport(db: Db, user: UserContext, id: string, version: number, reason: string, now = new Date()) {
  if (!reason.trim()) throw new FieldValidationError([{ path: ['reason'], field: '退回原因', message: '请填写退回原因，告诉填报人要改什么' }]);
  return review(db, user, id, version, now, async () => ({ status: 'returned', returnReason: reason.trim() }));
}

async function review(db: Db, user: UserContext, id: string, version: number, now: Date, decide: (r: Row, tx: Tx) => Promise<Partial<Row>>) {
  const result = await db.transaction(async (tx) => {
    const { report, name } = await lockReport(tx, user, id, 'write');
    if (report.status !== 'submitted') throw conflict(`报表当前状态为"${statusLabel(report.status)}"，只有已提交的报表可以审核。`, { current: await present(tx as unknown as Db, report, name) });
    if (version !== report.version) throw await staleVersion(tx, report, name, version);
    const change = await decide(report, tx);
    const [saved] = await tx
      .update(progressReports)
      .set({ ...change, version: report.version + 1, reviewedAt: now, reviewedBy: user.id, updatedAt: now })
      .where(eq(progressReports.id, id))
      .returning();
    await keepVersion(tx, saved!, change.status === 'approved' ? 'approve' : 'return', user);
    return { report: saved!, name };
  });
  return present(db, result.report, result.name);
}

/** An approved report's milestone dates become the project's actual dates (the plan stays as it was). */
async function recordMilestones(tx: Tx, report: Row) {
  for (const m of report.milestones as { kind: string; actualDate: string }[]) {
    const updated = await tx
      .update(projectMilestones)
      .set({ actualDate: m.actualDate })
      .where(and(eq(projectMilestones.projectId, report.projectId), eq(projectMilestones.kind, m.kind)))
      .returning({ kind: projectMilestones.kind });
    if (!updated.length) await tx.insert(projectMilestones).values({ projectId: report.projectId, kind: m.kind, actualDate: m.actualDate });
  }
}

async function lockReport(tx: Tx, user: UserContext, id: string, mode: 'read' | 'write') {
  // The usual case in one round trip: the report, locked, with its project in the user's scope.
  const scope = mode === 'write' ? writeScope(user) : readScope(user);
  const [hit] = await tx
    .select({ report: progressReports, name: projects.name })
    .from(progressReports)
    .innerJoin(projects, and(eq(projects.id, progressReports.projectId), isNull(projects.deletedAt), scope))
    .where(eq(progressReports.id, id))
    .for('update', { of: progressReports });
  if (hit) return hit;
  // Missing or out of scope: the two steps tell which, as they always have.
  const [report] = await tx.select().from(progressReports).where(eq(progressReports.id, id)).for('update');
  if (!report) throw notFound('报表');
  const project = await projectInScope(tx, user, report.projectId, mode);
  return { report, name: project.name };
}

/** The project if the user may act on it; 404 otherwise so out-of-scope projects stay invisible. */
export async function projectInScope(tx: Tx | Db, user: UserContext, projectId: string, mode: 'read' | 'write') {
  const scope = mode === 'write' ? writeScope(user) : readScope(user);
  const [project] = await tx
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.id, projectId), isNull(projects.deletedAt), scope));
  if (!project) throw notFound('项目');
  return project;
}

async function keepVersion(tx: Tx, row: Row, action: string, user: UserContext) {
  const { id: _id, ...data } = row;
  await tx.insert(reportVersions).values({ reportId: row.id, version: row.version, action, status: row.status, data, userId: user.id });
}

async function staleVersion(tx: Tx | Db, current: Row, name: string, version: number | null) {
  return conflict(`该报表已被修改（您读取的是第 ${version ?? '-'} 版，当前是第 ${current.version} 版），请刷新后再操作。`, { current: await present(tx as unknown as Db, current, name) });
}

function findingsError(errors: ReportFinding[]) {
  return new FieldValidationError(errors.map((e) => ({ path: [e.field], field: fieldLabel(e.field), message: e.message })));
}

const fieldLabel = (f: string) => REPORT_FIELD_LABELS[f] ?? f;
const statusLabel = (s: string) => REPORT_STATUS_LABELS[s as ReportStatus] ?? s;

/**
 * The office's draft as JSON, kept by each instance for as long as the database has not changed
 * (db/snapshot-cache.ts says why a kept draft is never stale), and brought up to date after a
 * change: the projects the change log names (db/changes.ts) are read again, every other
 * project's line inputs are reused, and the whole board is ranked and graded again — a
 * submission moves ranks everywhere. A change the log cannot pin to projects (names, campaign
 * settings, a bulk statement) computes the draft whole.
 *
 * The rest of the input is the week (the key) and the clock: whether this week's reports are due
 * yet. The entry keeps the deadline it was computed against (a database value, so fixed for its
 * snapshot) and is used only while the clock is on the same side of it.
 */
import { beijingLocal, periodOf, type Period } from '@pacer/domain';
import { changedSince, fewChanged } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import { SnapshotCache } from '../../db/snapshot-cache.ts';
import { boardProjectIds, boardProjects, type BoardInputs, type BoardProject } from './inputs.ts';
import { assembleDraft, draftParts, officeWork, presentDraft, presentHead, presentLine, previousBoardIdOf, previousWeekBoard, samePresentedLine, type DraftLine, type OfficeWork, type PreviousBoard } from './service.ts';

type Draft = ReturnType<typeof assembleDraft>;

interface Entry {
  week: Period;
  inputs: BoardInputs;
  previous: PreviousBoard;
  lines: DraftLine[];
  /** The draft's JSON as UTF-8, sent as it is. */
  json: Buffer;
  /** Where each line's JSON starts and ends in `json`. */
  spans: Uint32Array;
  /** Each project's index in inputs.projects, once asked for (positions()). */
  at?: Map<string, number>;
}

/**
 * Weeks kept per database, and their size in all: the JSON, and the inputs at about as much again
 * per project (a whole province's draft: ~25 MB of JSON for 47,000 projects).
 */
const drafts = new SnapshotCache<Entry>({ maxEntries: 4, maxBytes: 64 * 1024 * 1024, sizeOf: (e) => e.json.length + 500 * e.inputs.projects.length });

export interface DraftJson {
  json: Buffer;
  /** Served from this instance's copy rather than computed. */
  cached: boolean;
  /** Brought up to date from this instance's copy rather than computed whole. */
  updated: boolean;
}

/** presentDraft(draftBoard(…)) as JSON, brought up to date or computed again whenever the database has changed. */
export async function draftJson(db: Db, weekDate: string, now = new Date()): Promise<DraftJson> {
  const week = periodOf('week', weekDate);
  const clock = beijingLocal(now);
  const onTime = (e: Entry) => (clock > e.inputs.deadline) === e.inputs.due;
  const { value, kept, updated } = await drafts.get(
    db,
    week.start,
    () => compute(db, week, now),
    onTime,
    (e, since) => (onTime(e) ? update(db, e, since) : Promise.resolve(null)),
  );
  return { json: value.json, cached: kept, updated };
}

async function compute(db: Db, week: Period, now: Date): Promise<Entry> {
  const { inputs, previous, office } = await draftParts(db, week, now);
  return present(week, inputs, previous, office);
}

/** The entry with the changed projects read again, or null when the change log cannot say which changed. */
async function update(db: Db, entry: Entry, since: string): Promise<Entry | null> {
  const { week, inputs } = entry;
  const [changes, previousId, office] = await Promise.all([changedSince(db, since), previousBoardIdOf(db, week.start), officeWork(db, week.start)]);
  const changed = fewChanged(changes, inputs.projects.length);
  if (!changed) return null;
  const [projects, previous] = await Promise.all([
    changed.length ? withChanged(db, entry, changed) : inputs.projects,
    previousId === entry.previous.id ? entry.previous : previousWeekBoard(db, week.start),
  ]);
  return present(week, { ...inputs, projects }, previous, office, entry);
}

/**
 * The projects with the changed ones read again, in FIGURE_ORDER. In place when each changed
 * project on the board is still there under the same region and name (one on neither is not
 * this board's); otherwise (one joined, left, was renamed or moved) the board's order is read again.
 */
async function withChanged(db: Db, entry: Entry, projectIds: string[]): Promise<BoardProject[]> {
  const { week, inputs } = entry;
  const changed = await boardProjects(db, week, inputs, projectIds);
  const at = positions(entry);
  const samePlace = (p: BoardProject) => {
    const i = at.get(p.id);
    return i !== undefined && inputs.projects[i]!.regionCode === p.regionCode && inputs.projects[i]!.name === p.name;
  };
  const returned = new Set(changed.map((p) => p.id));
  const left = projectIds.some((id) => !returned.has(id) && at.has(id));
  if (!left && changed.every(samePlace)) {
    const projects = inputs.projects.slice();
    for (const p of changed) projects[at.get(p.id)!] = p;
    return projects;
  }
  const byId = new Map(inputs.projects.map((p) => [p.id, p]));
  for (const id of projectIds) byId.delete(id);
  for (const p of changed) byId.set(p.id, p);
  const order = await boardProjectIds(db, week, inputs);
  // A project the order names that neither list holds joined after the change log was read: it is
  // in the next change set, and left out until then as it would be from the draft read before it.
  return order.flatMap((id) => byId.get(id) ?? []);
}

/** Each project's index in the entry's projects, computed once per order. */
function positions(entry: Entry): Map<string, number> {
  return (entry.at ??= new Map(entry.inputs.projects.map((p, i) => [p.id, i])));
}

function present(week: Period, inputs: BoardInputs, previous: PreviousBoard, office: OfficeWork, before?: Entry): Entry {
  const draft = assembleDraft(week, inputs, previous.ranks, office);
  // The same order as before's: its positions hold.
  const at = before?.at && before.inputs.projects.length === inputs.projects.length && before.inputs.projects.every((p, i) => p.id === inputs.projects[i]!.id) ? before.at : undefined;
  return { week, inputs, previous, lines: draft.lines, at, ...draftBytes(draft, before) };
}

/**
 * JSON.stringify(presentDraft(draft)) as UTF-8, written line by line: the same bytes without the
 * one string of the whole draft (2.4 MB for a city: its names make it two bytes a character),
 * which cost as much again to encode and to collect as the lines themselves. A line that
 * presents the same as in `before` (its project unchanged, its ranks and grade the same: most of
 * them after one report) is copied from before's bytes rather than written again.
 */
function draftBytes(draft: Draft, before?: Entry): { json: Buffer; spans: Uint32Array } {
  // About as long as before's: room for it and some change, rather than a guess per line.
  const out = new Utf8Writer(before ? before.json.length + 512 * 64 : 512 * (draft.lines.length + 1));
  out.put(`${JSON.stringify(presentHead(draft)).slice(0, -1)},"lines":[`);
  const spans = new Uint32Array(2 * draft.lines.length);
  // Lines mostly keep their place: before's line at the same index first, a look-up only if not.
  let was: Map<BoardProject, number> | undefined;
  const lineBefore = (line: DraftLine, i: number) => {
    if (!before) return undefined;
    if (before.lines[i]?.item === line.item) return i;
    was ??= new Map(before.lines.map((l, j) => [l.item, j]));
    return was.get(line.item);
  };
  // Unchanged lines that follow each other in before too are copied as one range, commas included.
  let from = -1;
  let to = -1;
  const flush = () => {
    if (from >= 0) out.copy(before!.json, from, to);
    from = -1;
  };
  draft.lines.forEach((line, i) => {
    const j = lineBefore(line, i);
    if (j !== undefined && samePresentedLine(before!.lines[j]!, line)) {
      const [start, end] = [before!.spans[2 * j]!, before!.spans[2 * j + 1]!];
      if (from >= 0 && start === to + 1) to = end;
      else {
        flush();
        if (i) out.put(',');
        [from, to] = [start, end];
      }
      // Where the line lands once its range is copied (nothing is written before then).
      spans[2 * i] = out.length + start - from;
      spans[2 * i + 1] = out.length + end - from;
      return;
    }
    flush();
    // The comma written apart: joined to the line, it made a second string as long as the line.
    if (i) out.put(',');
    spans[2 * i] = out.length;
    out.put(JSON.stringify(presentLine(line)));
    spans[2 * i + 1] = out.length;
  });
  flush();
  out.put(']}');
  return { json: out.finish(), spans };
}

/** JSON.stringify(draft) as UTF-8, line by line (see draftBytes). */
export function utf8Json(draft: ReturnType<typeof presentDraft>): Buffer {
  const { lines, ...head } = draft;
  const out = new Utf8Writer(512 * (lines.length + 1));
  out.put(`${JSON.stringify(head).slice(0, -1)},"lines":[`);
  lines.forEach((line, i) => out.put(i ? `,${JSON.stringify(line)}` : JSON.stringify(line)));
  out.put(']}');
  return out.finish();
}

/** UTF-8 text written into a buffer that grows as needed. */
class Utf8Writer {
  private buf: Buffer;
  length = 0;

  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(size);
  }

  put(text: string): void {
    this.room(text.length * 3);
    this.length += this.buf.write(text, this.length);
  }

  copy(from: Buffer, start: number, end: number): void {
    this.room(end - start);
    this.length += from.copy(this.buf, this.length, start, end);
  }

  /** The bytes written; kept for a while, so not in a buffer much larger than they are. */
  finish(): Buffer {
    return this.length < this.buf.length * 0.75 ? Buffer.from(this.buf.subarray(0, this.length)) : this.buf.subarray(0, this.length);
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.length + bytes, this.buf.length * 2));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }
}

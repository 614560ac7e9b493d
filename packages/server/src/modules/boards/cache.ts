/**
 * The office's draft as JSON, kept by each instance for as long as the database has not changed
 * (db/snapshot-cache.ts says why a kept draft is never stale).
 *
 * The rest of the input is the week (the key) and the clock: whether this week's reports are due
 * yet. The entry keeps the deadline it was computed against (a database value, so fixed for its
 * snapshot) and is used only while the clock is on the same side of it.
 */
import { beijingLocal, periodOf } from '@pacer/domain';
import type { Db } from '../../db/client.ts';
import { SnapshotCache } from '../../db/snapshot-cache.ts';
import { draftBoard, presentDraft } from './service.ts';

interface Entry {
  /** Beijing local 'YYYY-MM-DDTHH:mm' after which this week's missing reports count. */
  deadline: string;
  due: boolean;
  /** The draft's JSON as UTF-8, sent as it is. */
  json: Buffer;
}

/** Weeks kept per database, and their JSON in all (a whole province's draft is ~25 MB). */
const drafts = new SnapshotCache<Entry>({ maxEntries: 4, maxBytes: 32 * 1024 * 1024, sizeOf: (e) => e.json.length });

export interface DraftJson {
  json: Buffer;
  /** Served from this instance's copy rather than computed. */
  cached: boolean;
}

/** presentDraft(draftBoard(…)) as JSON, computed again whenever the database has changed. */
export async function draftJson(db: Db, weekDate: string, now = new Date()): Promise<DraftJson> {
  const week = periodOf('week', weekDate).start;
  const clock = beijingLocal(now);
  const { value, kept } = await drafts.get(
    db,
    week,
    () => compute(db, week, now),
    (e) => (clock > e.deadline) === e.due,
  );
  return { json: value.json, cached: kept };
}

async function compute(db: Db, week: string, now: Date): Promise<Entry> {
  const draft = await draftBoard(db, week, now);
  return { deadline: draft.deadline, due: beijingLocal(now) > draft.deadline, json: utf8Json(presentDraft(draft)) };
}

/**
 * JSON.stringify(draft) as UTF-8, written line by line: the same bytes without the one string of
 * the whole draft (2.4 MB for a city: its names make it two bytes a character), which cost as
 * much again to encode and to collect as the lines themselves.
 */
export function utf8Json(draft: ReturnType<typeof presentDraft>): Buffer {
  const { lines, ...head } = draft;
  let buf = Buffer.allocUnsafe(512 * (lines.length + 1));
  let at = 0;
  const put = (text: string) => {
    if (at + text.length * 3 > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(at + text.length * 3, buf.length * 2));
      buf.copy(bigger, 0, 0, at);
      buf = bigger;
    }
    at += buf.write(text, at);
  };
  put(`${JSON.stringify(head).slice(0, -1)},"lines":[`);
  // The comma written apart: joined to the line, it made a second string as long as the line.
  lines.forEach((line, i) => {
    if (i) put(',');
    put(JSON.stringify(line));
  });
  put(']}');
  // Kept for a while: not in a buffer much larger than the text.
  return at < buf.length * 0.75 ? Buffer.from(buf.subarray(0, at)) : buf.subarray(0, at);
}

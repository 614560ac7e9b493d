/**
 * The office's edits to a proposed agenda: remove, move up or down, add. Kept as pure functions
 * on a list so the page stays a view, and the order sent is exactly the order shown.
 */
import type { MeetingDetail, MeetingUpdate, AgendaRow } from './types.ts';

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

export const agendaRows = (m: MeetingDetail): AgendaRow[] => m.agenda.map(({ id, ...item }) => ({ ...item, key: id }));

export const removeItem = (rows: readonly AgendaRow[], key: string): AgendaRow[] => rows.filter((r) => r.key !== key);

/** Swaps an item with its neighbour; at either end nothing moves. */
export function moveItem(rows: readonly AgendaRow[], key: string, step: -1 | 1): AgendaRow[] {
  const i = rows.findIndex((r) => r.key === key);
  const j = i + step;
  if (i < 0 || j < 0 || j >= rows.length) return [...rows];
  const next = [...rows];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

export function addItem(rows: readonly AgendaRow[], item: { section: AgendaRow['section']; title: string; note: string; projectId?: string | null; projectName?: string | null }): AgendaRow[] {
  return [...rows, { section: item.section, title: item.title.trim(), note: item.note.trim(), projectId: item.projectId ?? null, problemId: null, projectName: item.projectName ?? null, key: newKey() }];
}

/** The meeting's fields the office edits beside the agenda. */
export interface MeetingFields {
  title: string;
  heldOn: string;
  location: string;
  chairPersonId: string | null;
  attendeeOrgIds: string[];
  attendees: string;
  status: MeetingDetail['status'];
  minutes: string;
}

export const meetingFields = (m: MeetingDetail): MeetingFields => ({
  title: m.title,
  heldOn: m.heldOn,
  location: m.location ?? '',
  chairPersonId: m.chair?.id ?? null,
  attendeeOrgIds: m.attendeeUnits.map((u) => u.id),
  attendees: m.attendees,
  status: m.status,
  minutes: m.minutes,
});

/** The whole edit as PUT /api/meetings/:id takes it, against the version the edit started from. */
export function updateBody(version: number, fields: MeetingFields, agenda: readonly AgendaRow[]): MeetingUpdate {
  return {
    version,
    ...fields,
    location: fields.location.trim() || null,
    agenda: agenda.map(({ section, projectId, problemId, title, note }) => ({ section, projectId, problemId, title, note })),
  };
}

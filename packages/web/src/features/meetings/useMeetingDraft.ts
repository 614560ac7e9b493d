/**
 * The office's unsaved edit of a meeting (fields, minutes and agenda), saved in one PUT against
 * the version it started from. The meeting's other writes (a decision, the visits) also move its
 * version: after one of those the edit follows along (rebase), so only someone else's change in
 * between makes the save a 409 instead of silently overwriting it.
 */
import { useState } from 'react';
import { agendaRows, meetingFields, type MeetingFields } from './agenda.ts';
import type { AgendaRow, MeetingDetail } from './types.ts';

interface Draft {
  /** The version the edit is based on, sent with the save. */
  base: number;
  /** The server version last seen, to notice a change while rendering. */
  seen: number;
  fields: MeetingFields;
  agenda: AgendaRow[];
  dirty: boolean;
  /** Bumped on every fresh start, so forms holding their own state start over too. */
  generation: number;
}

const fresh = (m: MeetingDetail, generation: number): Draft => ({ base: m.version, seen: m.version, fields: meetingFields(m), agenda: agendaRows(m), dirty: false, generation });

export function useMeetingDraft(meeting: MeetingDetail) {
  const [draft, setDraft] = useState(() => fresh(meeting, 0));
  if (draft.seen !== meeting.version) {
    // Untouched: show what the server has. Edited: keep the edit; the save decides.
    setDraft(draft.dirty ? { ...draft, seen: meeting.version } : fresh(meeting, draft.generation + 1));
  }
  return {
    ...draft,
    setFields: (patch: Partial<MeetingFields>) => setDraft((d) => ({ ...d, fields: { ...d.fields, ...patch }, dirty: true })),
    setAgenda: (agenda: AgendaRow[]) => setDraft((d) => ({ ...d, agenda, dirty: true })),
    /** Starts over from this meeting (after a save, or to discard the edit). */
    reset: (m: MeetingDetail) => setDraft((d) => fresh(m, d.generation + 1)),
    /** After one of our own writes that moved the version by one, the edit is still current. */
    rebase: (next: MeetingDetail) => setDraft((d) => (d.dirty && next.version === d.base + 1 ? { ...d, base: next.version, seen: next.version } : d)),
  };
}

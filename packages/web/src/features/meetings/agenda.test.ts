import { describe, expect, it } from 'vitest';
import { addItem, moveItem, removeItem, updateBody } from './agenda.ts';
import type { AgendaRow } from './types.ts';

const row = (key: string): AgendaRow => ({ key, section: 'lagging', projectId: `p-${key}`, problemId: null, title: `项目${key}`, note: '' });
const keys = (rows: AgendaRow[]) => rows.map((r) => r.key);

describe('agenda edits', () => {
  const rows = [row('a'), row('b'), row('c')];

  it('moves an item by one place and leaves the ends alone', () => {
    expect(keys(moveItem(rows, 'b', -1))).toEqual(['b', 'a', 'c']);
    expect(keys(moveItem(rows, 'b', 1))).toEqual(['a', 'c', 'b']);
    expect(keys(moveItem(rows, 'a', -1))).toEqual(['a', 'b', 'c']);
    expect(keys(moveItem(rows, 'c', 1))).toEqual(['a', 'b', 'c']);
  });

  it('removes one item and adds one at the end with a key of its own', () => {
    expect(keys(removeItem(rows, 'b'))).toEqual(['a', 'c']);
    const added = addItem(rows, { section: 'other', title: ' 研究冲刺安排 ', note: '' });
    expect(added).toHaveLength(4);
    expect(added[3]).toMatchObject({ section: 'other', title: '研究冲刺安排', projectId: null, problemId: null });
    expect(new Set(keys(added)).size).toBe(4);
  });

  it('sends the agenda in the order shown, without the page\'s own fields', () => {
    const body = updateBody(3, { title: '周调度', heldOn: '2026-11-23', location: ' ', chairPersonId: null, attendeeOrgIds: [], attendees: '', status: 'held', minutes: '纪要' }, moveItem(rows, 'c', -1));
    expect(body.version).toBe(3);
    expect(body.location).toBeNull();
    expect(body.agenda.map((a) => a.projectId)).toEqual(['p-a', 'p-c', 'p-b']);
    expect(body.agenda[0]).not.toHaveProperty('key');
  });
});

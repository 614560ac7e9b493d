import { describe, expect, it } from 'vitest';
import { apiParams, DEFAULT_STATE, filterCount, readProblemsState, toSearchParams } from './listQuery.ts';

describe('problem list state in the URL', () => {
  it('reads a shared link and drops what it does not know', () => {
    const s = readProblemsState(new URLSearchParams('tab=overdue&type=land,bogus&level=2,7&region=430302&orgId=nope&page=3&pageSize=33'));
    expect(s).toEqual({ ...DEFAULT_STATE, tab: 'overdue', type: ['land'], level: ['2'], region: '430302', page: 3 });
  });

  it('writes only what differs from the defaults and reads it back the same', () => {
    expect(toSearchParams(DEFAULT_STATE).toString()).toBe('');
    const s = { ...DEFAULT_STATE, tab: 'all' as const, severity: ['urgent' as const], projectId: '0d6f3c0e-1111-4a6b-9c1d-1234567890ab', q: '用地', page: 2 };
    expect(readProblemsState(toSearchParams(s))).toEqual(s);
    expect(filterCount(s)).toBe(3);
  });

  it('asks the API for the tab as its queue', () => {
    expect(apiParams({ ...DEFAULT_STATE, tab: 'dueThisWeek' })).toMatchObject({ queue: 'dueThisWeek', page: 1, pageSize: 20 });
  });
});

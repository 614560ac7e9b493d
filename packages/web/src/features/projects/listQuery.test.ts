import { describe, expect, test } from 'vitest';
import { apiParams, EMPTY_FILTERS, readListState, toSearchParams } from './listQuery.ts';

describe('project list state in the URL', () => {
  test('an empty query string is the default list', () => {
    const state = readListState(new URLSearchParams());
    expect(state).toMatchObject({ ...EMPTY_FILTERS, deleted: false, mine: false, sort: 'updatedAt', order: 'desc', page: 1, pageSize: 20 });
    expect(toSearchParams(state).toString()).toBe('');
  });

  test('filters, sort and page survive a round trip through the URL', () => {
    const url = 'level=city,province&region=430302&q=%E5%8E%82%E6%88%BF&year=2026&deleted=only&mine=true&sort=totalInvestmentYuan&order=asc&page=3&pageSize=50';
    const state = readListState(new URLSearchParams(url));
    expect(state.level).toEqual(['city', 'province']);
    expect(state.q).toBe('厂房');
    expect(readListState(toSearchParams(state))).toEqual(state);
    expect(apiParams(state)).toMatchObject({ deleted: 'only', mine: 'true', sort: 'totalInvestmentYuan', order: 'asc', page: 3, pageSize: 50 });
  });

  test('repeated keys and comma lists both mean "any of"', () => {
    expect(readListState(new URLSearchParams('status=new&status=reserve,continuing')).status).toEqual(['new', 'reserve', 'continuing']);
  });

  test('unknown or malformed values in a shared link are dropped, not fatal', () => {
    const state = readListState(new URLSearchParams('level=city,galaxy&region=43&hq=not-a-uuid&sort=password&page=-1&pageSize=100000&year=1900'));
    expect(state.level).toEqual(['city']);
    expect(state.region).toEqual([]);
    expect(state.hq).toEqual([]);
    expect(state.sort).toBe('updatedAt');
    expect(state.page).toBe(1);
    expect(state.pageSize).toBe(20);
    expect(state.year).toBeUndefined();
  });
});

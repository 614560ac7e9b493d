import { describe, expect, test } from 'vitest';
import { projectListLink, readFilters, toSearchParams } from './dashboardQuery.ts';

describe('dashboard filters in the URL', () => {
  test('round trip, unknown values dropped', () => {
    const f = readFilters(new URLSearchParams('year=2026&asOf=2026-06-30&level=city,galaxy&category=industry'));
    expect(f).toEqual({ year: 2026, asOf: '2026-06-30', level: ['city'], category: ['industry'] });
    expect(readFilters(toSearchParams(f))).toEqual(f);
    expect(readFilters(new URLSearchParams('year=1800&asOf=2026-02-31'))).toEqual({ level: [], category: [] });
  });

  test('a 截至 date outside the chosen year is not sent', () => {
    expect(toSearchParams({ year: 2025, asOf: '2026-06-30', level: [], category: [] }).toString()).toBe('year=2025');
  });

  test('a chart element leads to the project list filtered to it', () => {
    expect(projectListLink({ year: 2026, level: ['city'], category: [] }, { region: '430302' })).toBe('/projects?level=city&region=430302&year=2026');
    expect(projectListLink({ level: [], category: ['industry'] }, { category: 'livelihood' })).toBe('/projects?category=livelihood');
  });
});

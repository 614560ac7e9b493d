import { describe, expect, test } from 'vitest';
import { columnsForKind, keepsField } from './kind.ts';
import type { ColumnMapping } from './mapping.ts';

const col = (index: number, field: ColumnMapping['field'], source: ColumnMapping['source'] = 'rule'): ColumnMapping => ({ index, header: `列${index}`, field, unit: null, source });
const ledger = [col(0, 'seq'), col(1, 'name'), col(2, 'region'), col(3, 'owner', 'memory'), col(4, 'total'), col(5, 'ytd', 'memory'), col(6, 'physicalProgress'), col(7, null, 'none')];

describe('import kind', () => {
  test('auto imports every mapped column as it is', () => {
    expect(columnsForKind(ledger, 'auto')).toBe(ledger);
  });

  test('projects only: progress columns are left out, without a source to remember', () => {
    const out = columnsForKind(ledger, 'projects');
    expect(out.map((c) => c.field)).toEqual(['seq', 'name', 'region', 'owner', 'total', 'ignore', 'ignore', null]);
    expect(out[5]).toMatchObject({ field: 'ignore', source: 'none', header: '列5' });
    expect(out[3]!.source).toBe('memory');
  });

  test('progress only: project fields are left out except those that find the project', () => {
    expect(columnsForKind(ledger, 'progress').map((c) => c.field)).toEqual(['seq', 'name', 'region', 'ignore', 'ignore', 'ytd', 'physicalProgress', null]);
    expect(keepsField('progress', 'code')).toBe(true);
    expect(keepsField('progress', 'park')).toBe(true);
    expect(keepsField('progress', 'annualPlan')).toBe(false);
  });

  test('a sheet with nothing to leave out comes back unchanged', () => {
    const projectsOnly = ledger.filter((c) => c.field !== 'ytd' && c.field !== 'physicalProgress');
    expect(columnsForKind(projectsOnly, 'projects')).toBe(projectsOnly);
  });
});

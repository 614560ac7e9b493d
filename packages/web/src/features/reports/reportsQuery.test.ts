import { describe, expect, test } from 'vitest';
import { readReportsState, toSearchParams } from './reportsQuery.ts';

const TODAY = '2026-11-25';

describe('reports page state in the URL', () => {
  test('no query string means this week’s list', () => {
    const s = readReportsState(new URLSearchParams(), TODAY);
    expect(s).toEqual({ tab: 'list', kind: 'week', date: TODAY, state: null, q: '', groupBy: 'owner' });
    expect(toSearchParams(s, TODAY).toString()).toBe('');
  });

  test('a past month, a tab and filters survive a round trip', () => {
    const s = readReportsState(new URLSearchParams('tab=compliance&kind=month&date=2026-10-17&state=missing&groupBy=region&q=%E5%B2%B3%E5%A1%98'), TODAY);
    expect(s).toMatchObject({ tab: 'compliance', kind: 'month', state: 'missing', groupBy: 'region', q: '岳塘' });
    const sp = toSearchParams(s, TODAY);
    expect(sp.get('date')).toBe('2026-10-01');
    expect(readReportsState(sp, TODAY)).toEqual({ ...s, date: '2026-10-01' });
  });

  test('junk in a shared link falls back to defaults', () => {
    const s = readReportsState(new URLSearchParams('tab=admin&kind=year&date=2026-13-01&state=deleted'), TODAY);
    expect(s).toMatchObject({ tab: 'list', kind: 'week', date: TODAY, state: null });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions, applyAction, escalationDue, extensionActions, extensionRefusal, PROBLEM_ACTIONS, PROBLEM_STATES, signOverdue, type ProblemState } from './problems.ts';

describe('problem lifecycle', () => {
  it('walks raise → assign → sign → reply → recheck → confirm', () => {
    let s: ProblemState = 'raised';
    for (const [action, actor] of [
      ['assign', 'office'],
      ['sign', 'lead'],
      ['reply', 'lead'],
      ['reply', 'cohandler'],
      ['recheck', 'office'],
      ['confirm', 'raiser'],
    ] as const) {
      const r = applyAction(s, action, [actor]);
      expect(r.ok, `${action} from ${s}`).toBe(true);
      if (r.ok) s = r.to;
    }
    expect(s).toBe('closed');
  });

  it('takes progress notes from handlers without leaving their hands', () => {
    expect(applyAction('signed', 'progress', ['cohandler'])).toEqual({ ok: true, to: 'signed' });
    expect(applyAction('assigned', 'progress', ['lead']).ok).toBe(false);
  });

  it('lets the raiser send it back, and the office solve on the spot', () => {
    expect(applyAction('reviewed', 'reopen', ['raiser'])).toEqual({ ok: true, to: 'signed' });
    expect(applyAction('raised', 'solveOnSpot', ['office'])).toEqual({ ok: true, to: 'closed' });
  });

  it('explains refusals in Chinese', () => {
    expect(applyAction('raised', 'confirm', ['raiser'])).toEqual({ ok: false, reason: '问题当前为"待交办"，不能确认销号' });
    expect(applyAction('assigned', 'sign', ['cohandler'])).toEqual({ ok: false, reason: '您不能对此问题执行"签收"' });
  });

  it('never allows an action that applyAction refuses, nor leaves closed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROBLEM_STATES), fc.subarray(['office', 'lead', 'cohandler', 'raiser'] as const), (state, actors) => {
        const allowed = allowedActions(state, actors);
        for (const a of PROBLEM_ACTIONS) expect(applyAction(state, a, actors).ok).toBe(allowed.includes(a));
        if (state === 'closed') expect(allowed).toEqual([]);
      }),
    );
  });
});

describe('escalation', () => {
  it('moves an overdue problem up a level', () => {
    expect(escalationDue({ state: 'signed', level: 1, deadline: '2026-11-20', lastActivity: '2026-11-19' }, '2026-11-23')).toEqual({ escalate: true, reason: '已超过办理期限（2026-11-20）' });
  });

  it('moves a silent problem up after five working days, counting holidays out', () => {
    const p = { state: 'signed' as const, level: 1 as const, deadline: null, lastActivity: '2026-09-29' };
    expect(escalationDue(p, '2026-10-09').escalate).toBe(false); // 30 Sep, 8, 9 Oct = 3 working days
    expect(escalationDue(p, '2026-10-12').escalate).toBe(true); // + 10 (Sat, worked), 12 = 5
  });

  it('stops at the third level and never escalates closed problems', () => {
    expect(escalationDue({ state: 'signed', level: 3, deadline: '2026-01-01', lastActivity: '2026-01-01' }, '2026-11-23').escalate).toBe(false);
    expect(escalationDue({ state: 'closed', level: 1, deadline: '2026-01-01', lastActivity: '2026-01-01' }, '2026-11-23').escalate).toBe(false);
  });

  it('leaves alone what waits for the office or the raiser, not the handlers', () => {
    for (const state of ['replied', 'reviewed', 'raised'] as const) {
      expect(escalationDue({ state, level: 1, deadline: '2026-11-02', lastActivity: '2026-11-02' }, '2026-11-23').escalate, state).toBe(false);
    }
  });

  it('does not escalate twice on the same day', () => {
    expect(escalationDue({ state: 'signed', level: 2, deadline: '2026-11-02', lastActivity: '2026-11-23' }, '2026-11-23').escalate).toBe(false);
  });

  it('chases an unsigned assignment', () => {
    expect(signOverdue('assigned', '2026-11-19', '2026-11-23')).toBe(true);
    expect(signOverdue('assigned', '2026-11-20', '2026-11-23')).toBe(false);
    expect(signOverdue('signed', '2026-11-01', '2026-11-23')).toBe(false);
  });
});

describe('deadline extension (申请延期)', () => {
  it('lets only the lead ask while the handlers owe the work, and only the office decide', () => {
    expect(extensionActions('signed', ['lead'], false)).toEqual(['requestExtension']);
    expect(extensionActions('assigned', ['lead'], false)).toEqual(['requestExtension']);
    expect(extensionActions('signed', ['cohandler', 'raiser'], false)).toEqual([]);
    expect(extensionActions('replied', ['lead'], false)).toEqual([]);
    expect(extensionActions('signed', ['office'], true)).toEqual(['approveExtension', 'refuseExtension']);
    expect(extensionActions('signed', ['lead'], true)).toEqual([]);
    expect(extensionActions('closed', ['office'], true)).toEqual([]);
  });

  it('wants a later date than the current deadline, and not in the past', () => {
    expect(extensionRefusal('2026-11-20', '2026-11-27', '2026-11-18')).toBeNull();
    expect(extensionRefusal('2026-11-20', '2026-11-20', '2026-11-18')).toBe('新的期限应晚于当前期限（2026-11-20）');
    expect(extensionRefusal('2026-11-10', '2026-11-12', '2026-11-18')).toBe('新的期限不能早于今天');
    expect(extensionRefusal(null, '2026-11-27', '2026-11-18')).toBe('问题尚未确定办理期限，不能申请延期');
  });
});

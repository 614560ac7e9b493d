import { describe, expect, it } from 'vitest';
import { isDueSoon, isDueThisWeek, isOverdue, problemFigures, problemSentence, type ProblemFact } from './problem-figures.ts';

const base: ProblemFact = { state: 'signed', solvedOnSpot: false, raisedOn: '2026-11-02', assignedOn: '2026-11-02', deadline: '2026-11-13', resolvedOn: null, closedOn: null };

describe('problem figures', () => {
  it('counts raised, on the spot, assigned, closed, overdue; on-time rate over resolved; days to close over closed assigned', () => {
    const list: ProblemFact[] = [
      { ...base, state: 'closed', solvedOnSpot: true, assignedOn: null, deadline: null, closedOn: '2026-11-02' },
      { ...base, state: 'closed', resolvedOn: '2026-11-12', closedOn: '2026-11-16' }, // on time, 14 days
      { ...base, state: 'closed', resolvedOn: '2026-11-17', closedOn: '2026-11-20' }, // late, 18 days
      { ...base, state: 'reviewed', resolvedOn: '2026-11-13' }, // on time, not closed
      { ...base, state: 'signed' }, // overdue on the 23rd
      { ...base, state: 'assigned', deadline: '2026-11-23' }, // due today: not overdue
      { ...base, state: 'raised', assignedOn: null, deadline: null },
    ];
    expect(problemFigures(list, '2026-11-23')).toEqual({
      raised: 7,
      open: 4,
      solvedOnSpot: 1,
      assigned: 5,
      closed: 3,
      overdue: 1,
      onTimeRate: 66.67,
      avgDaysToClose: 16,
    });
  });

  it('has no rates without the problems to compute them', () => {
    expect(problemFigures([], '2026-11-23')).toMatchObject({ raised: 0, onTimeRate: null, avgDaysToClose: null });
  });

  it('is overdue only while the handlers owe the work', () => {
    expect(isOverdue({ state: 'signed', deadline: '2026-11-20' }, '2026-11-23')).toBe(true);
    expect(isOverdue({ state: 'replied', deadline: '2026-11-20' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ state: 'signed', deadline: '2026-11-23' }, '2026-11-23')).toBe(false);
  });

  it('counts due soon in working days across a holiday, and due this week to Sunday', () => {
    // Wednesday 30 Sep 2026: the next working day is Thursday 8 Oct (1–7 Oct off).
    expect(isDueSoon({ state: 'signed', deadline: '2026-10-08' }, '2026-09-30', 1)).toBe(true);
    expect(isDueSoon({ state: 'signed', deadline: '2026-10-09' }, '2026-09-30', 1)).toBe(false);
    expect(isDueThisWeek({ state: 'assigned', deadline: '2026-11-29' }, '2026-11-23')).toBe(true);
    expect(isDueThisWeek({ state: 'assigned', deadline: '2026-11-30' }, '2026-11-23')).toBe(false);
  });

  it('writes the bulletin sentence, leaving out rates it cannot compute', () => {
    expect(problemSentence({ raised: 7, open: 4, solvedOnSpot: 1, assigned: 5, closed: 3, overdue: 1, onTimeRate: 66.67, avgDaysToClose: 16 })).toBe(
      '今年以来共收集问题7个，其中立行立改1个、交办5个；已销号3个，按期办结率66.67%，平均16天办结；逾期未办结1个。',
    );
    expect(problemSentence(problemFigures([], '2026-11-23'))).toBe('今年以来共收集问题0个，其中立行立改0个、交办0个；已销号0个；逾期未办结0个。');
  });
});

import { DEFAULT_GRADING_RULES } from '@pacer/domain';
import { describe, expect, test } from 'vitest';
import { curveError, curveOf, monthEndProgress, QUARTER_PRESET, toBody, toValues, type Campaign } from './settingsValues.ts';

const campaign: Campaign = {
  id: 'c',
  year: 2026,
  name: '2026年重点项目建设竞赛活动',
  slogan: '奋力奔跑 合力攻坚',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  cadence: ['week', 'month'],
  deadlines: { weekday: 5, monthDay: 25, time: '17:00' },
  timeCurve: null,
  gradingRules: null,
  defaultRules: DEFAULT_GRADING_RULES,
};

describe('campaign settings form', () => {
  test('linear curve and default rules go back as null; the rest round-trips', () => {
    const body = toBody(toValues(campaign));
    expect(body).toEqual({
      name: campaign.name,
      slogan: campaign.slogan,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      cadence: ['week', 'month'],
      deadlines: { weekday: 5, monthDay: 25, time: '17:00' },
      timeCurve: null,
      gradingRules: null,
    });
  });

  test('anchors in percent become month-end shares; the preview interpolates between them', () => {
    expect(curveOf(QUARTER_PRESET)).toEqual([
      { month: 3, share: 0.2 },
      { month: 6, share: 0.5 },
      { month: 9, share: 0.75 },
      { month: 12, share: 1 },
    ]);
    const progress = monthEndProgress(curveOf(QUARTER_PRESET), 2026);
    expect(progress[2]).toBe(20);
    expect(progress[3]).toBe(30);
    expect(progress[11]).toBe(100);
    expect(monthEndProgress(null, 2026)[5]).toBe(50);
  });

  test('a curve that does not end at 100% in December is refused with the domain’s words', () => {
    expect(curveError({ curveMode: 'custom', anchors: [null, null, 20, null, null, 50, null, null, null, null, 90, null] })).toBe('曲线应以 12 月末 = 100% 结束');
    expect(curveError({ curveMode: 'linear', anchors: [] })).toBeNull();
  });

  test('a stored custom curve comes back as anchors', () => {
    const v = toValues({ ...campaign, timeCurve: curveOf(QUARTER_PRESET), gradingRules: { ...DEFAULT_GRADING_RULES, excellentMinGap: 8 } });
    expect(v.curveMode).toBe('custom');
    expect(v.anchors).toEqual(QUARTER_PRESET);
    expect(v.rulesMode).toBe('custom');
    expect(toBody(v).gradingRules?.excellentMinGap).toBe(8);
  });
});

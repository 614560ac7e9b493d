import { describe, expect, it } from 'vitest';
import { proposeAgenda, rankAverages, tourRanking, type AgendaSource } from './meetings.ts';

const src: AgendaSource = {
  projects: [
    { projectId: 'a', name: '甲项目', regionName: '雨湖区', gapPoints: -12.5, chairLinked: true, openProblems: 1 },
    { projectId: 'b', name: '乙项目', regionName: '岳塘区', gapPoints: -30, chairLinked: false, openProblems: 0 },
    { projectId: 'c', name: '丙项目', regionName: '湘潭县', gapPoints: -9.99, chairLinked: true, openProblems: 2 },
    { projectId: 'd', name: '丁项目', regionName: '湘潭县', gapPoints: 5, chairLinked: false, openProblems: 0 },
  ],
  overdueProblems: [
    { problemId: 'p2', number: 2, title: '施工用电未接入', type: 'utilities', projectName: '乙项目', leadName: '市供电公司', deadline: '2026-11-20', level: 2 },
    { problemId: 'p1', number: 1, title: '用地指标不足', type: 'land', projectName: null, leadName: null, deadline: '2026-11-10', level: 1 },
  ],
  missingReports: [{ projectId: 'd', name: '丁项目', ownerName: '湘潭某公司' }],
  missingPeriod: '2026年第47周',
};

describe('agenda proposal', () => {
  it('lists lagging projects worst first, overdue problems oldest first, missing reports, then the chair\'s other projects', () => {
    const items = proposeAgenda('weekly', src);
    expect(items.map((i) => [i.section, i.projectId ?? i.problemId])).toEqual([
      ['lagging', 'b'],
      ['lagging', 'a'],
      ['overdue_problem', 'p1'],
      ['overdue_problem', 'p2'],
      ['missing_report', 'd'],
      ['chair_project', 'c'],
    ]);
    expect(items[1]!.note).toBe('慢于时序进度12.50个百分点；主持领导联点项目');
    expect(items[5]!.note).toBe('慢于时序进度9.99个百分点，未办结问题2个');
    expect(items[2]!.note).toBe('用地问题，牵头单位未定，办理期限2026-11-10，1级调度');
  });

  it('takes the threshold, and a daily consultation only takes up problems', () => {
    expect(proposeAgenda('weekly', src, 5).filter((i) => i.section === 'lagging')).toHaveLength(3);
    expect(new Set(proposeAgenda('daily', src).map((i) => i.section))).toEqual(new Set(['overdue_problem']));
  });
});

describe('tour ranking', () => {
  it('drops the highest and lowest of five or more scores, and ties share a rank', () => {
    const scores = [95, 90, 88, 86, 60].map((score, i) => ({ key: 'a', name: '甲', observer: `o${i}`, score }));
    scores.push(...[90, 84].map((score, i) => ({ key: 'b', name: '乙', observer: `o${i}`, score })));
    scores.push({ key: 'c', name: '丙', observer: 'o1', score: 80 });
    expect(tourRanking(scores)).toEqual([
      { key: 'a', name: '甲', scores: 5, average: 88, rank: 1 },
      { key: 'b', name: '乙', scores: 2, average: 87, rank: 2 },
      { key: 'c', name: '丙', scores: 1, average: 80, rank: 3 },
    ]);
    expect(rankAverages([{ name: '甲', average: 80 }, { name: '乙', average: 80 }, { name: '丙', average: 70 }]).map((r) => r.rank)).toEqual([1, 1, 3]);
  });
});

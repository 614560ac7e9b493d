/** Words of 我的项目, Simplified Chinese — the reference table. */
export const zh = {
  title: '我的项目',
  hint: {
    leader: '您联点的项目，按进度差从落后到领先排列',
    other: '您负责的项目，按进度差从落后到领先排列',
  },
  asOf: '截至',
  kpi: { projects: '项目', timeProgress: '时序进度', openProblems: '未办结问题', overdueProblems: '逾期问题', unit: '个' },
  columns: {
    name: '项目名称',
    region: '区划',
    hq: '指挥部',
    plan: '年度计划(万元)',
    ytd: '本年累计(万元)',
    completion: '完成率',
    gap: '进度差',
    grade: '最新等次',
    colour: '三色',
    problems: '未办结问题',
    overdue: '其中逾期',
    level: '最高层级',
  },
  empty: { leader: '您还没有联点项目', other: '没有项目' },
};

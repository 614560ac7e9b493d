/**
 * What a ledger column can mean (导入字段), and how header text maps to it. Offices name the
 * same thing many ways (年度计划投资 / 2022年计划投资 / 本年计划), and a two-row header puts the
 * meaning in the parent ("1-3月" over "完成投资"), so a column is matched on its whole path.
 */
import { headerUnit, type AmountUnit } from './amount.ts';
import { periodInHeader, yearIn } from './period.ts';
import { compactText } from './text.ts';

export type FieldTarget = 'project' | 'progress' | 'none';
export type FieldKind = 'text' | 'amount' | 'date' | 'vocab' | 'ref';

export interface LedgerFieldDef {
  key: string;
  zh: string;
  en: string;
  target: FieldTarget;
  kind: FieldKind;
}

const f = (key: string, zh: string, en: string, target: FieldTarget, kind: FieldKind): LedgerFieldDef => ({ key, zh, en, target, kind });

/** Every field a column can be mapped to, in the order the mapping screen lists them. */
export const LEDGER_FIELDS = [
  f('code', '项目代码', 'Project code', 'project', 'text'),
  f('name', '项目名称', 'Project name', 'project', 'text'),
  f('levels', '项目级别', 'Level', 'project', 'vocab'),
  f('category', '项目类别', 'Category', 'project', 'vocab'),
  f('status', '建设状态', 'Status', 'project', 'vocab'),
  f('track', '竞赛赛道', 'Track', 'project', 'vocab'),
  f('region', '所在区划', 'Region', 'project', 'ref'),
  f('park', '所在园区', 'Park', 'project', 'ref'),
  f('industry', '国民经济行业', 'Industry code', 'project', 'text'),
  f('owner', '业主单位', 'Owner unit', 'project', 'ref'),
  f('responsible', '责任单位', 'Responsible unit', 'project', 'ref'),
  f('leader', '联点领导', 'Linked leader', 'project', 'ref'),
  f('hq', '协调指挥部', 'Coordinating HQ', 'project', 'ref'),
  f('serviceTeam', '服务专班', 'Service team', 'project', 'ref'),
  f('contactName', '联系人', 'Contact', 'project', 'text'),
  f('contactPhone', '联系电话', 'Phone', 'project', 'text'),
  f('total', '计划总投资', 'Total investment', 'project', 'amount'),
  f('annualPlan', '年度计划投资', 'Annual plan', 'project', 'amount'),
  f('plannedStart', '计划开工', 'Planned start', 'project', 'date'),
  f('plannedFinish', '计划竣工', 'Planned finish', 'project', 'date'),
  f('description', '建设内容', 'Description', 'project', 'text'),
  f('ytd', '本年累计完成投资', 'Year-to-date investment', 'progress', 'amount'),
  f('sinceStart', '自开工累计完成投资', 'Investment since start', 'progress', 'amount'),
  f('periodAmount', '本期完成投资', 'Investment this period', 'progress', 'amount'),
  f('paidYtd', '本年累计财务支出', 'Paid year to date', 'progress', 'amount'),
  f('physicalProgress', '形象进度', 'Physical progress', 'progress', 'text'),
  f('problems', '存在问题', 'Problems', 'progress', 'text'),
  f('seq', '序号', 'Row number', 'none', 'text'),
  f('ignore', '不导入', 'Do not import', 'none', 'text'),
] as const;

export type LedgerField = (typeof LEDGER_FIELDS)[number]['key'];
export const LEDGER_FIELD_KEYS = LEDGER_FIELDS.map((d) => d.key) as unknown as readonly [LedgerField, ...LedgerField[]];
const BY_KEY = new Map<string, LedgerFieldDef>(LEDGER_FIELDS.map((d) => [d.key, d]));

export function ledgerField(key: string): LedgerFieldDef | undefined {
  return BY_KEY.get(key);
}

export const fieldLabel = (key: string) => BY_KEY.get(key)?.zh ?? key;

/**
 * Header rules, first match wins; tested against the whole header path with units removed.
 * Order matters: "计划开工时间" is a date before it is a plan, "行业代码" an industry before a code.
 */
const RULES: [LedgerField, RegExp][] = [
  ['ignore', /完成率|完成比例|占比|比重|百分比|%|增幅|增长|同比|环比/],
  ['seq', /^(序号|序|编号|No\.?|#)$/i],
  ['industry', /行业/],
  ['code', /代码|编码|赋码|备案号|项目编号/],
  ['plannedStart', /计划开工|开工(时间|日期|年月|年份)/],
  ['plannedFinish', /计划(竣工|完工|建成)|(竣工|完工|建成|投产)(时间|日期|年月|年份)/],
  ['sinceStart', /(自|开工)(以来)?累计|累计完成.*(开工以来|开工至今)|开工至今/],
  ['paidYtd', /财务支出|资金支出|支付|拨付/],
  ['periodAmount', /本(期|月|周)(实际)?完成|当(月|期|周)(实际)?完成|(^|[^\d\-~—～至到])\d{1,2}月(份)?(实际)?完成/],
  ['ytd', /\d{1,2}月?[-~—～至到]\d{1,2}月.*完成|截[至止]\d{1,2}月|累计完成|累计投资|本年.*完成|今年.*完成|年度?.*完成|(一|1)季度.*完成|上半年.*完成|完成投资$|^完成$|已完成/],
  ['annualPlan', /(年度|本年|今年|当年|\d{4}年).*计划|年计划|计划.*(年度|本年)/],
  ['total', /总投资|投资总额|总概算|^计划投资$/],
  ['name', /项目名称|^项目$|^名称$|项目全称|^项目名$/],
  ['levels', /级别|层级/],
  ['track', /赛道/],
  ['category', /类别|类型|分类/],
  ['status', /建设(状态|性质)|^状态$|^性质$|项目状态|新建.?续建|新续建/],
  ['region', /区划|县市区|县\(?市\)?区|区县|县区|所属区域|所在区域|所属地区|所在地区|属地|责任区域|^地区$|^区域$|所在地/],
  ['park', /园区/],
  ['owner', /业主|项目单位|建设单位|实施单位|项目法人|申报单位|投资主体/],
  ['responsible', /责任单位|牵头单位|责任部门|主管部门|牵头部门/],
  ['leader', /联点|领导/],
  ['hq', /指挥部/],
  ['serviceTeam', /专班|服务队/],
  ['contactPhone', /电话|手机|联系方式/],
  ['contactName', /联系人|负责人/],
  ['description', /建设内容|建设规模|规模及内容|主要内容|项目简介|项目概况/],
  ['physicalProgress', /形象进度|进展情况|工程进度|项目进展|进度情况|建设进展|进展/],
  ['problems', /问题|困难|需协调/],
  ['ignore', /备注|说明/],
];

export interface HeaderMatch {
  field: LedgerField;
  /** The plan year a header names ("2022年计划投资"). */
  year: number | null;
  /** The month a progress header counts up to ("1-3月完成" → 3). */
  month: number | null;
  /** The amount unit a header names ("总投资（亿元）"). */
  unit: AmountUnit | null;
}

/** A header path with repeats removed (a cell merged over two header rows appears twice). */
export function headerPath(parts: string[]): string[] {
  const out: string[] = [];
  for (const p of parts.map(compactText).filter(Boolean)) if (out[out.length - 1] !== p) out.push(p);
  return out;
}

const withoutUnit = (t: string) => t.replace(/[(（[【](单位[:：]?)?(亿元|万元|元|%|个)[)）\]】]/g, '').replace(/单位[:：]?(亿元|万元|元)/g, '');

/** What a column's header path means, or null when no rule knows it. */
export function matchHeader(parts: string[]): HeaderMatch | null {
  const path = headerPath(parts);
  if (!path.length) return null;
  const joined = withoutUnit(path.join(''));
  const child = withoutUnit(path[path.length - 1]!);
  // The joined path first (the parent says "1-3月" or "2022年"); the child alone when the parent misleads.
  const field = RULES.find(([, re]) => re.test(joined))?.[0] ?? RULES.find(([, re]) => re.test(child))?.[0];
  if (!field) return null;
  const period = periodInHeader(path.join(''));
  return {
    field,
    year: yearIn(path.join('')),
    month: period?.month ?? null,
    unit: path.map(headerUnit).reduce<AmountUnit | null>((u, x) => x ?? u, null),
  };
}

/** Whether the child alone names the field (to prefer it when two columns claim one field). */
export function childNames(parts: string[], field: LedgerField): boolean {
  const path = headerPath(parts);
  const child = withoutUnit(path[path.length - 1] ?? '');
  return RULES.find(([, re]) => re.test(child))?.[0] === field;
}

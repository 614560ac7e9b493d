/**
 * The closed vocabularies of the domain, each with its Chinese and English label.
 * Keys are stable identifiers stored in the database; labels are for people.
 */

export interface Term<K extends string = string> {
  key: K;
  zh: string;
  en: string;
}

function terms<const K extends string>(list: readonly Term<K>[]) {
  const keys = list.map((t) => t.key) as unknown as readonly [K, ...K[]];
  const byKey = new Map<string, Term<K>>(list.map((t) => [t.key, t]));
  return {
    list,
    keys,
    label(key: string, locale: Locale = 'zh-CN'): string {
      const t = byKey.get(key);
      if (!t) return key;
      return locale === 'en-US' ? t.en : t.zh;
    },
    has(key: string): key is K {
      return byKey.has(key);
    },
  };
}

export type Locale = 'zh-CN' | 'en-US';

/** 项目级别 (a project can hold several). */
export const PROJECT_LEVELS = terms([
  { key: 'province', zh: '省重点', en: 'Provincial key' },
  { key: 'province_five100', zh: '省"五个100"', en: 'Provincial "Five 100"' },
  { key: 'city', zh: '市州重点', en: 'Prefecture key' },
  { key: 'county', zh: '市(县)本级重点', en: 'County key' },
] as const);
export type ProjectLevel = (typeof PROJECT_LEVELS.keys)[number];

/** 项目类别. */
export const PROJECT_CATEGORIES = terms([
  { key: 'industry', zh: '产业项目', en: 'Industrial' },
  { key: 'restart', zh: '"调停缓撤"项目', en: 'Stalled (restart)' },
  { key: 'infrastructure', zh: '"两新一重"项目', en: 'New infrastructure & major works' },
  { key: 'livelihood', zh: '民生项目', en: 'Public welfare' },
] as const);
export type ProjectCategory = (typeof PROJECT_CATEGORIES.keys)[number];

/** 建设状态. */
export const PROJECT_STATUSES = terms([
  { key: 'new', zh: '新建', en: 'New' },
  { key: 'continuing', zh: '续建', en: 'Continuing' },
  { key: 'reserve', zh: '储备', en: 'Reserve' },
  { key: 'preliminary', zh: '前期', en: 'Preliminary' },
] as const);
export type ProjectStatus = (typeof PROJECT_STATUSES.keys)[number];

/** 竞赛赛道 for industrial projects, by stage. */
export const COMPETITION_TRACKS = terms([
  { key: 'landing', zh: '比落地', en: 'Landing' },
  { key: 'start', zh: '比开工', en: 'Start' },
  { key: 'progress', zh: '比进度', en: 'Progress' },
  { key: 'finishing', zh: '比扫尾', en: 'Finishing' },
  { key: 'production', zh: '比投产', en: 'Production' },
  { key: 'capacity', zh: '比达产', en: 'Full capacity' },
] as const);
export type CompetitionTrack = (typeof COMPETITION_TRACKS.keys)[number];

/** 节点计划 milestones, in their natural order. */
export const MILESTONE_KINDS = terms([
  { key: 'signing', zh: '签约', en: 'Signing' },
  { key: 'land', zh: '供地', en: 'Land supply' },
  { key: 'approval', zh: '立项/备案', en: 'Approval / filing' },
  { key: 'eia', zh: '环评', en: 'Environmental assessment' },
  { key: 'planning_permit', zh: '规划许可', en: 'Planning permit' },
  { key: 'construction_permit', zh: '施工许可', en: 'Construction permit' },
  { key: 'start', zh: '开工', en: 'Start of works' },
  { key: 'main_structure', zh: '主体完工', en: 'Main structure done' },
  { key: 'completion', zh: '竣工', en: 'Completion' },
  { key: 'production', zh: '投产', en: 'Production' },
  { key: 'full_capacity', zh: '达产', en: 'Full capacity' },
] as const);
export type MilestoneKind = (typeof MILESTONE_KINDS.keys)[number];

/** 资金来源. */
export const FUNDING_SOURCES = terms([
  { key: 'special_bond', zh: '专项债', en: 'Special bonds' },
  { key: 'ultra_long_bond', zh: '超长期特别国债', en: 'Ultra-long special treasury bonds' },
  { key: 'central_budget', zh: '中央预算内', en: 'Central budget' },
  { key: 'bank_loan', zh: '银行贷款', en: 'Bank loans' },
  { key: 'self_raised', zh: '自筹', en: 'Self-raised' },
] as const);
export type FundingSource = (typeof FUNDING_SOURCES.keys)[number];

/** 行政区划/园区 kinds. */
export const REGION_KINDS = terms([
  { key: 'province', zh: '省', en: 'Province' },
  { key: 'city', zh: '市州', en: 'City' },
  { key: 'county', zh: '县市', en: 'County' },
  { key: 'district', zh: '区', en: 'District' },
  { key: 'park', zh: '园区', en: 'Park' },
  { key: 'town', zh: '乡镇街道', en: 'Town' },
] as const);
export type RegionKind = (typeof REGION_KINDS.keys)[number];

/** 组织 kinds. */
export const ORG_KINDS = terms([
  { key: 'office', zh: '竞赛办', en: 'Campaign office' },
  { key: 'hq', zh: '项目协调指挥部', en: 'Coordinating HQ' },
  { key: 'department', zh: '职能部门', en: 'Department' },
  { key: 'owner', zh: '业主单位', en: 'Project owner' },
  { key: 'service_team', zh: '调度服务专班', en: 'Service team' },
  { key: 'government', zh: '县市区/园区', en: 'Local government / park' },
] as const);
export type OrgKind = (typeof ORG_KINDS.keys)[number];

/** 用户角色; each carries a data scope (see permissions.ts). */
export const ROLES = terms([
  { key: 'office', zh: '竞赛办', en: 'Campaign office' },
  { key: 'coordinator', zh: '县市区/园区', en: 'Region / park coordinator' },
  { key: 'hq', zh: '指挥部', en: 'Coordinating HQ' },
  { key: 'department', zh: '职能部门', en: 'Department' },
  { key: 'owner', zh: '业主单位', en: 'Project owner' },
  { key: 'leader', zh: '联点领导', en: 'Linked leader' },
] as const);
export type Role = (typeof ROLES.keys)[number];

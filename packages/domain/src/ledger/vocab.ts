/**
 * Vocabulary as ledgers write it: "省重点、市重点", "市级重点", "新开工", "产业", "比开工"…
 * mapped to the domain's keys. The keys themselves are accepted too (exports round-trip).
 */
import {
  COMPETITION_TRACKS,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_STATUSES,
  type CompetitionTrack,
  type ProjectCategory,
  type ProjectLevel,
  type ProjectStatus,
} from '../vocabulary.ts';
import { compactText } from './text.ts';

type Rule<K> = [RegExp, K];

const LEVEL_RULES: Rule<ProjectLevel>[] = [
  [/五个100|五个一百/, 'province_five100'],
  [/^省(级)?(重点)?(项目)?$|^省重点/, 'province'],
  [/本级|县|区重点|区级/, 'county'],
  [/市|州/, 'city'],
];

const CATEGORY_RULES: Rule<ProjectCategory>[] = [
  [/调停缓撤|停缓建|调停/, 'restart'],
  [/两新一重|基础设施|新基建|重大工程/, 'infrastructure'],
  [/民生|社会事业|公共服务/, 'livelihood'],
  [/产业|工业|制造/, 'industry'],
];

const STATUS_RULES: Rule<ProjectStatus>[] = [
  [/续建|续|在建/, 'continuing'],
  [/新建|新开工|新/, 'new'],
  [/储备/, 'reserve'],
  [/前期|预备/, 'preliminary'],
];

const TRACK_RULES: Rule<CompetitionTrack>[] = [
  [/落地/, 'landing'],
  [/开工/, 'start'],
  [/进度/, 'progress'],
  [/扫尾/, 'finishing'],
  [/达产/, 'capacity'],
  [/投产/, 'production'],
];

function byRules<K extends string>(text: string, vocab: { list: readonly { key: K; zh: string }[] }, rules: Rule<K>[]): K | null {
  const t = compactText(text).replace(/["“”]/g, '');
  const exact = vocab.list.find((v) => v.key === t || compactText(v.zh).replace(/["“”]/g, '') === t);
  if (exact) return exact.key;
  return rules.find(([re]) => re.test(t))?.[1] ?? null;
}

const choices = (vocab: { list: readonly { zh: string }[] }) => vocab.list.map((v) => v.zh).join('、');

export type VocabResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One or several levels: "省重点、市重点", "省重点/市州重点". */
export function parseLevels(text: string): VocabResult<ProjectLevel[]> {
  const parts = compactText(text).split(/[、,，;；/和及]+/).filter(Boolean);
  const out: ProjectLevel[] = [];
  for (const p of parts) {
    const key = byRules(p, PROJECT_LEVELS, LEVEL_RULES);
    if (!key) return { ok: false, reason: `"${p}" 不是可识别的项目级别，可选：${choices(PROJECT_LEVELS)}` };
    if (!out.includes(key)) out.push(key);
  }
  return out.length ? { ok: true, value: out } : { ok: false, reason: '请填写项目级别' };
}

export function parseCategory(text: string): VocabResult<ProjectCategory> {
  const key = byRules(text, PROJECT_CATEGORIES, CATEGORY_RULES);
  return key ? { ok: true, value: key } : { ok: false, reason: `"${text}" 不是可识别的项目类别，可选：${choices(PROJECT_CATEGORIES)}` };
}

export function parseStatus(text: string): VocabResult<ProjectStatus> {
  const key = byRules(text, PROJECT_STATUSES, STATUS_RULES);
  return key ? { ok: true, value: key } : { ok: false, reason: `"${text}" 不是可识别的建设状态，可选：${choices(PROJECT_STATUSES)}` };
}

export function parseTrack(text: string): VocabResult<CompetitionTrack> {
  const key = byRules(text, COMPETITION_TRACKS, TRACK_RULES);
  return key ? { ok: true, value: key } : { ok: false, reason: `"${text}" 不是可识别的竞赛赛道，可选：${choices(COMPETITION_TRACKS)}` };
}

/** What a group row ("一、产业项目（45个）", "（一）新建项目") says about the rows under it. */
export interface GroupContext {
  category?: ProjectCategory;
  status?: ProjectStatus;
  levels?: ProjectLevel[];
}

export function groupContext(text: string): GroupContext {
  const t = compactText(text)
    .replace(/^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])/, '')
    .replace(/[(（]\d+个?(项目)?[)）]$/, '');
  const ctx: GroupContext = {};
  const category = CATEGORY_RULES.find(([re]) => re.test(t))?.[1];
  if (category) ctx.category = category;
  if (/新建|新开工/.test(t)) ctx.status = 'new';
  else if (/续建/.test(t)) ctx.status = 'continuing';
  else if (/储备/.test(t)) ctx.status = 'reserve';
  else if (/前期/.test(t)) ctx.status = 'preliminary';
  if (/五个100/.test(t)) ctx.levels = ['province_five100'];
  else if (/省(级)?重点/.test(t)) ctx.levels = ['province'];
  else if (/市(州|级)?重点/.test(t)) ctx.levels = ['city'];
  else if (/(县|区|本级)(级)?重点/.test(t)) ctx.levels = ['county'];
  return ctx;
}

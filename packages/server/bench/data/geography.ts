/**
 * The fictional province: the 14 real prefectures of 湖南省 with their GB/T 2260 codes, each
 * with districts, counties, a county-level city and parks coded after the standard's pattern
 * (xx02–04 districts, xx21–23 counties, xx81 city, xx71–72 parks). 湘潭 keeps its real
 * divisions; other division names are invented. The benchmark city is 湘潭 (430300).
 */
import * as xiangtan from '../../src/seed/xiangtan.ts';

export interface Division {
  code: string;
  name: string;
  kind: 'district' | 'county' | 'park';
  lat: number;
  lng: number;
}

export interface Prefecture {
  code: string;
  name: string;
  stem: string;
  /** Share of the province's projects. */
  weight: number;
  lat: number;
  lng: number;
  divisions: Division[];
}

export const PROVINCE = { code: '430000', name: '湖南省' };
export const BENCH_CITY = '430300';
/** Projects of the benchmark city at every scale. */
export const CITY_PROJECTS = 2_000;

const PREFECTURES: Omit<Prefecture, 'divisions'>[] = [
  { code: '430100', name: '长沙市', stem: '长沙', weight: 9, lat: 28.2, lng: 112.94 },
  { code: '430200', name: '株洲市', stem: '株洲', weight: 4, lat: 27.83, lng: 113.13 },
  { code: '430300', name: '湘潭市', stem: '湘潭', weight: 0, lat: 27.83, lng: 112.94 },
  { code: '430400', name: '衡阳市', stem: '衡阳', weight: 4.5, lat: 26.89, lng: 112.57 },
  { code: '430500', name: '邵阳市', stem: '邵阳', weight: 3.5, lat: 27.24, lng: 111.47 },
  { code: '430600', name: '岳阳市', stem: '岳阳', weight: 4.5, lat: 29.36, lng: 113.13 },
  { code: '430700', name: '常德市', stem: '常德', weight: 4, lat: 29.03, lng: 111.7 },
  { code: '430800', name: '张家界市', stem: '张家界', weight: 1.5, lat: 29.12, lng: 110.48 },
  { code: '430900', name: '益阳市', stem: '益阳', weight: 3, lat: 28.55, lng: 112.36 },
  { code: '431000', name: '郴州市', stem: '郴州', weight: 3.5, lat: 25.77, lng: 113.01 },
  { code: '431100', name: '永州市', stem: '永州', weight: 3, lat: 26.42, lng: 111.61 },
  { code: '431200', name: '怀化市', stem: '怀化', weight: 3, lat: 27.55, lng: 109.99 },
  { code: '431300', name: '娄底市', stem: '娄底', weight: 2.5, lat: 27.7, lng: 111.99 },
  { code: '433100', name: '湘西土家族苗族自治州', stem: '湘西', weight: 2, lat: 28.31, lng: 109.74 },
];

const DISTRICT_SUFFIX = ['东城区', '西城区', '北湖区'];
const COUNTY_SUFFIX = ['安县', '宁县', '平县'];

function divisionsOf(p: Omit<Prefecture, 'divisions'>): Division[] {
  if (p.code === BENCH_CITY) return [...xiangtan.COUNTIES, ...xiangtan.PARKS].map((d) => ({ ...d, kind: d.kind as Division['kind'] }));
  const prefix = p.code.slice(0, 4);
  const at = (i: number) => ({ lat: p.lat + ((i % 3) - 1) * 0.12, lng: p.lng + (Math.floor(i / 3) - 1) * 0.12 });
  return [
    ...DISTRICT_SUFFIX.map((s, i) => ({ code: `${prefix}0${i + 2}`, name: `${p.stem}${s}`, kind: 'district' as const, ...at(i) })),
    ...COUNTY_SUFFIX.map((s, i) => ({ code: `${prefix}2${i + 1}`, name: `${p.stem}${s}`, kind: 'county' as const, ...at(i + 3) })),
    { code: `${prefix}81`, name: `${p.stem}江市`, kind: 'county' as const, ...at(6) },
    { code: `${prefix}71`, name: `${p.stem}高新技术产业开发区`, kind: 'park' as const, ...at(7) },
    { code: `${prefix}72`, name: `${p.stem}经济技术开发区`, kind: 'park' as const, ...at(8) },
  ];
}

/** The prefectures of a scale with how many projects each gets. */
export function prefecturesOf(scale: 'city' | 'province', provinceProjects = 50_000): (Prefecture & { projects: number })[] {
  const list = PREFECTURES.map((p) => ({ ...p, divisions: divisionsOf(p) }));
  if (scale === 'city') return list.filter((p) => p.code === BENCH_CITY).map((p) => ({ ...p, projects: CITY_PROJECTS }));
  const rest = provinceProjects - CITY_PROJECTS;
  const weights = list.reduce((s, p) => s + p.weight, 0);
  let left = rest;
  const others = list.filter((p) => p.code !== BENCH_CITY);
  return list.map((p) => {
    if (p.code === BENCH_CITY) return { ...p, projects: CITY_PROJECTS };
    const n = p === others.at(-1) ? left : Math.round((rest * p.weight) / weights);
    left -= n;
    return { ...p, projects: n };
  });
}

export const HQ_NAMES = xiangtan.HQS;
export const DEPARTMENT_NAMES = xiangtan.DEPARTMENTS.map((d) => d.replace(/^市/, ''));
export const SERVICE_TEAM_NAMES = xiangtan.SERVICE_TEAMS;
export const CHAIN_NAMES = xiangtan.CHAINS;
export const TEMPLATES = xiangtan.TEMPLATES;

/** Invented company names: region stem + two invented syllables + business + suffix. */
export const SYLLABLES = ['华', '瑞', '恒', '通', '鼎', '盛', '宏', '远', '泰', '和', '金', '桥', '博', '创', '丰', '中', '拓', '新', '航', '昌', '达', '凯', '永', '安', '嘉', '信', '汇', '能', '联', '德', '润', '正', '源', '天', '衡', '锦', '程', '兴', '隆', '裕'];
export const BUSINESS = xiangtan.COMPANY_BUSINESS;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['建国', '志强', '丽华', '海涛', '文博', '晓峰', '振华', '若兰', '明辉', '立新', '春生', '秀英', '国庆', '卫东', '红梅', '俊杰'];
const TITLES = ['市委常委、常务副市长', '副市长', '副市长', '副市长', '市人大常委会副主任', '市政协副主席', '市政府秘书长'];

export function leadersOf(p: Prefecture, pick: <T>(l: readonly T[]) => T): { name: string; title: string }[] {
  return TITLES.map((title) => ({ name: `${pick(SURNAMES)}${pick(GIVEN)}`, title: `${p.name.replace('土家族苗族自治州', '州')}${title.replace(/^市/, '')}` }));
}

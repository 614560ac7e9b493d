/** The dashboard's filters in the URL (year, 截至 date, levels, categories), checked like any shared link. */
import { PROJECT_CATEGORIES, PROJECT_LEVELS, type ProjectCategory, type ProjectLevel } from '@pacer/domain';
import type { QueryParams } from '../../app/api.ts';
import { isIsoDate } from '../../shared/periods.ts';

export interface DashboardFilters {
  year?: number;
  asOf?: string;
  level: ProjectLevel[];
  category: ProjectCategory[];
}

const list = (sp: URLSearchParams, key: string) =>
  sp
    .getAll(key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

export function readFilters(sp: URLSearchParams): DashboardFilters {
  const year = Number(sp.get('year'));
  const asOf = sp.get('asOf');
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    asOf: isIsoDate(asOf) ? asOf : undefined,
    level: list(sp, 'level').filter((k): k is ProjectLevel => PROJECT_LEVELS.has(k)),
    category: list(sp, 'category').filter((k): k is ProjectCategory => PROJECT_CATEGORIES.has(k)),
  };
}

/** Same names for the URL and the API; a 截至 date outside the chosen year is dropped (the API would move it to 12-31). */
export function filterParams(f: DashboardFilters): QueryParams {
  const asOf = f.asOf && (!f.year || f.asOf.startsWith(String(f.year))) ? f.asOf : undefined;
  return { year: f.year, asOf, level: f.level, category: f.category };
}

export function toSearchParams(f: DashboardFilters): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filterParams(f))) {
    if (Array.isArray(v) ? v.length : v !== undefined) sp.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return sp;
}

/** The project list filtered to what a chart element stands for. */
export function projectListLink(f: DashboardFilters, extra: { region?: string; category?: ProjectCategory; level?: ProjectLevel }): string {
  const sp = new URLSearchParams();
  const level = extra.level ? [extra.level] : f.level;
  const category = extra.category ? [extra.category] : f.category;
  if (level.length) sp.set('level', level.join(','));
  if (category.length) sp.set('category', category.join(','));
  if (extra.region) sp.set('region', extra.region);
  if (f.year) sp.set('year', String(f.year));
  return `/projects?${sp.toString()}`;
}

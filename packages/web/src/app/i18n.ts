/**
 * i18next set up once, before the first render. The shell's tables (common, sign-in,
 * notifications) are bundled; a feature's table arrives with its page: the router loads it
 * beside the page's code, and a component that asks for a namespace not yet here suspends
 * (react-i18next) until it is, so untranslated keys never flash.
 */
import type { Locale } from '@pacer/domain';
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { auth } from '../features/auth/locales.ts';
import type { boards } from '../features/boards/locales.ts';
import type { bulletins } from '../features/bulletins/locales.ts';
import type { campaign } from '../features/campaign/locales.ts';
import type { dashboard } from '../features/dashboard/locales.ts';
import type { imports } from '../features/imports/locales.ts';
import type { projects } from '../features/projects/locales.ts';
import type { battlePlan } from '../features/projects/battle-plan/locales.ts';
import type { reports } from '../features/reports/locales.ts';
import type { problems } from '../features/problems/locales.ts';
import { notifications } from '../features/notifications/locales.ts';
import type { myProjects } from '../features/my-projects/locales.ts';
import type { meetings } from '../features/meetings/locales.ts';
import { readStored } from '../shared/storage.ts';
import { common } from './locales.ts';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'pacer.locale';

export const isLocale = (v: unknown): v is Locale => LOCALES.includes(v as Locale);

/** The remembered choice, else Chinese: the users' working language, whatever the browser says. */
export function initialLocale(): Locale {
  const stored = readStored(LOCALE_STORAGE_KEY);
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
}

/** Both languages of one namespace, as each feature's locales.ts exports them. */
type Table = Record<Locale, object>;

const bundled = { common, auth, notifications };

/** The feature tables, each its own chunk, fetched the first time a page needs it. */
const lazyTables = {
  projects: () => import('../features/projects/locales.ts').then((m) => m.projects),
  battlePlan: () => import('../features/projects/battle-plan/locales.ts').then((m) => m.battlePlan),
  reports: () => import('../features/reports/locales.ts').then((m) => m.reports),
  boards: () => import('../features/boards/locales.ts').then((m) => m.boards),
  dashboard: () => import('../features/dashboard/locales.ts').then((m) => m.dashboard),
  bulletins: () => import('../features/bulletins/locales.ts').then((m) => m.bulletins),
  campaign: () => import('../features/campaign/locales.ts').then((m) => m.campaign),
  imports: () => import('../features/imports/locales.ts').then((m) => m.imports),
  problems: () => import('../features/problems/locales.ts').then((m) => m.problems),
  myProjects: () => import('../features/my-projects/locales.ts').then((m) => m.myProjects),
  meetings: () => import('../features/meetings/locales.ts').then((m) => m.meetings),
} satisfies Record<string, () => Promise<Table>>;

type Tables = typeof bundled & {
  projects: typeof projects;
  battlePlan: typeof battlePlan;
  reports: typeof reports;
  boards: typeof boards;
  dashboard: typeof dashboard;
  bulletins: typeof bulletins;
  campaign: typeof campaign;
  imports: typeof imports;
  problems: typeof problems;
  myProjects: typeof myProjects;
  meetings: typeof meetings;
};
export type Namespace = keyof Tables;
const BUNDLED = Object.keys(bundled) as (keyof typeof bundled)[];

const pick = <L extends Locale>(locale: L) =>
  Object.fromEntries(BUNDLED.map((ns) => [ns, bundled[ns][locale]])) as { [N in keyof typeof bundled]: (typeof bundled)[N][L] };

const resources = { 'zh-CN': pick('zh-CN'), 'en-US': pick('en-US') };

const isLazy = (ns: string): ns is keyof typeof lazyTables => Object.hasOwn(lazyTables, ns);

/** i18next's loader for the feature tables: the chunk holds both languages, so a switch costs no request. */
const featureTables: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    if (!isLazy(namespace)) return callback(null, {});
    lazyTables[namespace]().then(
      (table: Table) => callback(null, isLocale(language) ? (table[language] as Record<string, unknown>) : {}),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Starts fetching the tables a page needs, so they arrive with its code rather than after it. */
export function loadNamespaces(namespaces: readonly Namespace[]): Promise<void> {
  return i18n.loadNamespaces(namespaces.filter(isLazy));
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { [N in Namespace]: Tables[N]['zh-CN'] };
  }
}

void i18n.use(featureTables).use(initReactI18next).init({
  resources,
  partialBundledLanguages: true,
  lng: initialLocale(),
  fallbackLng: DEFAULT_LOCALE,
  ns: BUNDLED,
  defaultNS: 'common',
  // React escapes output already.
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
  returnNull: false,
});

export { i18n };

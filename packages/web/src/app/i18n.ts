/**
 * i18next set up once, before the first render, with every table bundled:
 * the tables are small and loading them lazily would flash untranslated keys.
 */
import type { Locale } from '@pacer/domain';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { auth } from '../features/auth/locales.ts';
import { boards } from '../features/boards/locales.ts';
import { bulletins } from '../features/bulletins/locales.ts';
import { campaign } from '../features/campaign/locales.ts';
import { dashboard } from '../features/dashboard/locales.ts';
import { imports } from '../features/imports/locales.ts';
import { projects } from '../features/projects/locales.ts';
import { battlePlan } from '../features/projects/battle-plan/locales.ts';
import { reports } from '../features/reports/locales.ts';
import { problems } from '../features/problems/locales.ts';
import { notifications } from '../features/notifications/locales.ts';
import { myProjects } from '../features/my-projects/locales.ts';
import { meetings } from '../features/meetings/locales.ts';
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

const tables = { common, auth, projects, battlePlan, reports, boards, dashboard, bulletins, campaign, imports, problems, notifications, myProjects, meetings };
type Namespace = keyof typeof tables;
const NAMESPACES = Object.keys(tables) as Namespace[];

const pick = <L extends Locale>(locale: L) =>
  Object.fromEntries(NAMESPACES.map((ns) => [ns, tables[ns][locale]])) as { [N in Namespace]: (typeof tables)[N][L] };

const resources = { 'zh-CN': pick('zh-CN'), 'en-US': pick('en-US') };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['zh-CN'];
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: DEFAULT_LOCALE,
  ns: NAMESPACES,
  defaultNS: 'common',
  // React escapes output already.
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
  returnNull: false,
});

export { i18n };

/**
 * The chosen language drives three things that must agree: our texts (i18next),
 * antd's built-in texts (pagination, pickers, empty states) and dayjs (month and week names).
 */
import type { Locale } from '@pacer/domain';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
// antd's styles as one prebuilt stylesheet (see THEME below).
import 'antd/dist/antd.css';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { writeStored } from '../shared/storage.ts';
import { i18n, initialLocale, LOCALE_STORAGE_KEY } from './i18n.ts';

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState | null>(null);

const ANTD_LOCALES = { 'zh-CN': zhCN, 'en-US': enUS } as const;

/**
 * The default theme, with antd's styles from its prebuilt stylesheet rather than generated in the
 * browser: generating them as each component first renders took about a fifth of the first
 * screen's main-thread time. The same rules either way (screenshots are pixel-identical); a
 * custom theme would need them generated again.
 */
const THEME: ThemeConfig = { zeroRuntime: true };

const DAYJS_LOCALES = { 'zh-CN': 'zh-cn', 'en-US': 'en' } as const;

function applyLocale(locale: Locale) {
  dayjs.locale(DAYJS_LOCALES[locale]);
  document.documentElement.lang = locale;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  // Applied in the initialiser, before children render, so the first paint has the right names.
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    applyLocale(first);
    return first;
  });

  useEffect(() => {
    document.title = i18n.t('product');
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    writeStored(LOCALE_STORAGE_KEY, next);
    applyLocale(next);
    void i18n.changeLanguage(next);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);

  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[locale]} theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

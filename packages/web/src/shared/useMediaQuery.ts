import { useSyncExternalStore } from 'react';

/** One MediaQueryList per query: every component that asks reads the same one. */
const lists = new Map<string, MediaQueryList>();
const listOf = (query: string) => {
  let list = lists.get(query);
  if (!list) {
    list = window.matchMedia(query);
    lists.set(query, list);
  }
  return list;
};

/**
 * Read synchronously (unlike antd's Grid.useBreakpoint, which starts empty),
 * so a phone never flashes the desktop layout on first paint.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = listOf(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => listOf(query).matches,
    () => false,
  );
}

/** Below antd's `md` breakpoint (768px): phones, where the side menu becomes a drawer. */
export const useIsNarrow = () => useMediaQuery('(max-width: 767.98px)');

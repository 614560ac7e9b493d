import { useSyncExternalStore } from 'react';

/**
 * Read synchronously (unlike antd's Grid.useBreakpoint, which starts empty),
 * so a phone never flashes the desktop layout on first paint.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Below antd's `md` breakpoint (768px): phones, where the side menu becomes a drawer. */
export const useIsNarrow = () => useMediaQuery('(max-width: 767.98px)');

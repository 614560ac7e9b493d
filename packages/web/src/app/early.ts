/**
 * The first screen's requests, sent as soon as the app's own code starts: the entry imports this
 * module first (only the libraries' shared chunks are evaluated before it), so who is signed in
 * and the page's data are on the wire while the app is still being set up — and ahead of the
 * route's code, which would otherwise take the browser's six connections to the server and leave
 * the data waiting behind ~40 files. api.ts takes these answers (once each) instead of asking again.
 *
 * Only small modules may be imported here: whatever this imports is evaluated before it runs.
 */
import { apiParams, readListState } from '../features/projects/listQuery.ts';
import { PROJECT_LIST_PATH, PUBLIC_BOARD_PATH } from './firstScreens.ts';
import { toQueryString } from './queryString.ts';

/** Older than this, an unused answer is left alone: the page asks again. */
const FRESH_MS = 10_000;

const early = new Map<string, { response: Promise<Response>; at: number }>();

function send(url: string): void {
  const response = fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  // Whoever takes it handles a failure; one nobody takes must not surface as unhandled.
  response.catch(() => undefined);
  early.set(url, { response, at: performance.now() });
}

/** The answer sent for this GET at start-up, if any and still fresh; each is handed out once. */
export function takeEarly(url: string): Promise<Response> | undefined {
  const hit = early.get(url);
  if (!hit) return undefined;
  early.delete(url);
  return performance.now() - hit.at <= FRESH_MS ? hit.response : undefined;
}

/** The requests the page at this address will make first (see the route loaders in router.tsx). */
export function firstRequests(pathname: string, search: string): string[] {
  const board = PUBLIC_BOARD_PATH.exec(pathname);
  if (board) return [`/api/public/boards/${board[1]}`];
  if (pathname.startsWith('/public/')) return [];
  const out = ['/api/auth/me'];
  if (PROJECT_LIST_PATH.test(pathname)) {
    // `/` redirects to the list without its query string.
    const sp = new URLSearchParams(pathname === '/' ? '' : search);
    out.push(`/api/projects${toQueryString(apiParams(readListState(sp)))}`);
  }
  return out;
}

if (typeof window !== 'undefined' && typeof fetch === 'function') {
  for (const url of firstRequests(window.location.pathname, window.location.search)) send(url);
}

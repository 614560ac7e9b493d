/**
 * The addresses a first visit most often lands on, whose first screen starts before the app is
 * set up: early.ts sends their first requests, and index.html (vite.config.ts) starts fetching
 * their code. Plain patterns, so the build's config can read them too.
 */

/** The project list (`/` redirects to it). */
export const PROJECT_LIST_PATH = /^\/(projects\/?)?$/;

/** A published board (周晒榜), open to anyone with the link; its id is the first group. */
export const PUBLIC_BOARD_PATH = /^\/public\/boards\/([^/]+)\/?$/;

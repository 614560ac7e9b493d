/**
 * The web client in headless Chromium on localhost (served by the bench server from
 * packages/web/dist, or the folder in BENCH_WEB_DIST — build it first): time until the first
 * screen of the project list, the public board and the board draft shows its rows and answers
 * script, the initial JavaScript (gzip), and how many table rows the board puts in the page.
 * Floor: the page's own API call.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { median, percentile, round } from './lib/measure.ts';
import type { Benchmark, BenchContext, Result } from './lib/types.ts';

/**
 * The built client to serve and measure. BENCH_WEB_DIST lets a candidate build in another folder
 * be compared with packages/web/dist without overwriting the build others are measuring.
 */
export const WEB_DIST = path.resolve(process.env.BENCH_WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url)));
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const ROWS = '.ant-table-tbody tr.ant-table-row';
const LIMIT_MS = 1_500;

const gzipKb = (file: string) => zlib.gzipSync(fs.readFileSync(file)).length / 1024;

/** The entry script and the modules it preloads: what every first visit downloads before any route. */
function initialJs(): { kb: number; files: number } {
  const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  // A file named twice (a script that is also another's preload) is downloaded once.
  const files = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => path.join(WEB_DIST, m[1]!)))];
  return { kb: files.reduce((s, f) => s + gzipKb(f), 0), files: files.length };
}

export const webBench: Benchmark = {
  name: 'web',
  async run(ctx) {
    const base = { engine: ctx.engine, scale: ctx.scale };
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
      return [{ name: 'web', ...base, unit: '', median: null, p95: null, floor: null, ratio: null, target: '', met: null, note: 'skipped: build the client first (npm run build -w @pacer/web)' }];
    }
    if (!fs.existsSync(CHROMIUM)) {
      return [{ name: 'web', ...base, unit: '', median: null, p95: null, floor: null, ratio: null, target: '', met: null, note: `skipped: no Chromium at ${CHROMIUM}` }];
    }
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    const origin = `http://127.0.0.1:${ctx.server.port}`;
    const cookie = (await ctx.office()).split('=');
    const [board] = (await ctx.query<{ id: string; n: number }>(`select b.id, (select count(*) from board_entries e where e.board_id = b.id)::int as n from boards b order by week_start desc, version desc limit 1`)).rows;
    // Page loads vary by ±200 ms from one to the next on a shared machine: nine give a median
    // and a p95 that hold from run to run (three did not). Each is ~1.5–2 s.
    const runs = Math.min(ctx.runs, 9);
    const out: Result[] = [];
    try {
      const screen = async (name: string, url: string, api: string, signedIn: boolean) => {
        const times: number[] = [];
        let jsKb = 0;
        let domRows = 0;
        for (let i = 0; i < runs + 1; i++) {
          // A fresh context each time: a first visit with an empty cache.
          const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
          if (signedIn) await context.addCookies([{ name: cookie[0]!, value: cookie[1]!, url: origin }]);
          const page = await context.newPage();
          const js = new Set<string>();
          page.on('response', (r) => {
            const u = new URL(r.url());
            if (u.pathname.endsWith('.js')) js.add(u.pathname);
          });
          const started = performance.now();
          await page.goto(`${origin}${url}`, { waitUntil: 'commit' });
          await page.locator(ROWS).first().waitFor({ state: 'visible', timeout: 30_000 });
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
          const ms = performance.now() - started;
          if (i > 0) times.push(ms); // the first load warms the server, not the browser
          jsKb = [...js].reduce((s, p) => s + (fs.existsSync(path.join(WEB_DIST, p)) ? gzipKb(path.join(WEB_DIST, p)) : 0), 0);
          domRows = await page.locator(ROWS).count();
          await context.close();
        }
        const floor = await timeApi(ctx, api, signedIn);
        out.push({
          name,
          ...base,
          unit: 'ms',
          median: round(median(times)),
          p95: round(percentile(times, 95)),
          floor: round(floor),
          ratio: round(median(times) / floor, 2),
          target: `≤ ${LIMIT_MS} ms`,
          met: percentile(times, 95) <= LIMIT_MS,
          note: `${round(jsKb)} KB gzip JS loaded, ${domRows} rows in the page`,
        });
        return domRows;
      };
      await screen('web.projects', '/projects', '/api/projects?page=1&pageSize=20', true);
      const rows = await screen('web.board.public', `/public/boards/${board!.id}`, `/api/public/boards/${board!.id}`, false);
      await screen('web.board.draft', '/boards', '/api/boards/draft', true);
      out.push({ name: 'web.board.rows', ...base, unit: 'rows', median: rows, p95: null, floor: board!.n, ratio: null, target: 'long tables paged or virtualised', met: rows <= 200, note: `${rows} of ${board!.n} entries in the page` });
      const initial = initialJs();
      out.push({ name: 'web.initial-js', ...base, unit: 'KB gzip', median: round(initial.kb), p95: null, floor: null, ratio: null, target: '≤ 350 KB gzip', met: initial.kb <= 350, note: `${initial.files} files: entry and preloads` });
    } finally {
      await browser.close();
    }
    return out;
  },
};

/** The median time of the API call a screen waits for: the floor of the screen. */
async function timeApi(ctx: BenchContext, url: string, signedIn: boolean): Promise<number> {
  const cookie = signedIn ? await ctx.office() : undefined;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push((await ctx.client.request('GET', url, { cookie })).ms);
  return median(times.slice(1));
}

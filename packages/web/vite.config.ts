/// <reference types="node" />
// Node types only for this file: the config runs in Node, the app in the browser.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { PROJECT_LIST_PATH, PUBLIC_BOARD_PATH } from './src/app/firstScreens.ts';

// The API server in development; PACER_API_URL points elsewhere (e.g. a shared test server).
const apiTarget = process.env.PACER_API_URL ?? 'http://localhost:3200';

const SRC = fileURLToPath(new URL('./src/', import.meta.url));

/**
 * The pages a first visit lands on: the signed-in shell with the project list, and a published
 * board, with their words (each feature's table holds both languages). Their code and the app
 * code they share are one chunk, fetched at once.
 */
const FIRST_SCREENS = [
  'app/AppLayout.tsx',
  'features/projects/ProjectListPage.tsx',
  'features/projects/locales.ts',
  'features/boards/public/PublicBoardPage.tsx',
  'features/boards/locales.ts',
].map((f) => path.join(SRC, f));

/**
 * Libraries that only later pages use: charts, date pickers, uploads, forms' schemas and the
 * like. They keep their own chunks, fetched when such a page opens; every other library is in
 * one chunk that every page needs.
 */
const LATER_LIBRARIES =
  /[\\/]node_modules[\\/](echarts|zrender|zod|antd[\\/]es[\\/](steps|upload|image|progress|descriptions|input-number|timeline|collapse|statistic|popconfirm|date-picker|time-picker|calendar)|@rc-component[\\/](steps|upload|image|progress|input-number|mini-decimal|collapse|picker))[\\/]/;

const isLibrary = (id: string) => /[\\/]node_modules[\\/]/.test(id);

/** These modules and what they import, following imports for which `follow` holds. */
function closure(roots: readonly string[], info: (id: string) => { importedIds: readonly string[] } | null, follow: (id: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(info(id)?.importedIds.filter(follow) ?? []));
  }
  return seen;
}

/** early.ts sends the first screen's requests; it and its few imports are a chunk of their own. */
const EARLY = path.join(SRC, 'app/early.ts');
let early: Set<string> | undefined;
let firstScreens: Set<string> | undefined;

/** A chunk and every chunk it imports statically, by file name. */
function withImports(bundle: Rolldown.OutputBundle, fileName: string, out = new Set<string>()): Set<string> {
  const chunk = bundle[fileName];
  if (out.has(fileName) || chunk?.type !== 'chunk') return out;
  out.add(fileName);
  for (const f of chunk.imports) withImports(bundle, f, out);
  return out;
}

/**
 * Two things in index.html ahead of the entry, so that they do not wait until the entry (~0.7 MB)
 * has been downloaded and run: the early chunk, which sends the first screen's requests (early.ts),
 * and, on a first screen's address, a small script that starts fetching that screen's chunks.
 * Other addresses fetch nothing extra.
 */
function startFirstScreenEarly(): Plugin {
  return {
    name: 'pacer:start-first-screen-early',
    apply: 'build',
    buildStart() {
      // The module sets the chunk groups keep belong to one build (watch mode rebuilds).
      early = undefined;
      firstScreens = undefined;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        const earlyChunk = chunks.find((c) => c.moduleIds.includes(EARLY));
        const screens = chunks.find((c) => c.moduleIds.includes(FIRST_SCREENS[1]!));
        if (!entry || !earlyChunk || !screens) throw new Error('pacer:start-first-screen-early: entry, early or first-screen chunk not found');
        const initial = withImports(bundle, entry.fileName);
        const files = [...withImports(bundle, screens.fileName)].filter((f) => !initial.has(f)).map((f) => `/${f}`);
        // The second tag: on the addresses whose first screen is in that chunk (the patterns
        // early.ts sends the first requests for), a modulepreload link for each of its chunks.
        const firstScreen = JSON.stringify(`${PROJECT_LIST_PATH.source}|${PUBLIC_BOARD_PATH.source}`);
        const tags = [
          // async: run as soon as it is here, without waiting for the stylesheets as deferred scripts do.
          `<script type="module" async crossorigin src="/${earlyChunk.fileName}"></script>`,
          `<script>(function(){if(!new RegExp(${firstScreen}).test(location.pathname))return;${JSON.stringify(files)}.forEach(function(f){var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=f;document.head.appendChild(l);});})();</script>`,
        ];
        // Right after the charset, ahead of the stylesheets: a script after a stylesheet waits for it.
        const charset = /<meta charset="UTF-8" \/>\n/;
        if (!charset.test(html)) throw new Error('pacer:start-first-screen-early: no <meta charset> in index.html');
        return html.replace(charset, (m) => `${m}    ${tags.join('\n    ')}\n`);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), startFirstScreenEarly()],
  server: {
    port: Number(process.env.PACER_WEB_PORT ?? 5173),
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The shared antd chunk is large by design (one file instead of ~40); warn only above it.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Few, large chunks: a first screen used to fetch ~45 files in two waves.
        codeSplitting: {
          groups: [
            // index.html runs this small chunk first, so the first requests do not wait for the entry.
            { name: (id, ctx) => ((early ??= closure([EARLY], (m) => ctx.getModuleInfo(m), (m) => !isLibrary(m))).has(id) ? 'early' : null), priority: 50 },
            // What the entry needs before any route: libraries, then our own modules.
            { name: 'vendor', tags: ['$initial'], test: isLibrary, priority: 40 },
            { name: 'app', tags: ['$initial'], priority: 30 },
            // antd and the rest: every page needs much of it.
            { name: 'ui', test: (id) => isLibrary(id) && !LATER_LIBRARIES.test(id), priority: 20 },
            // The first screens' own code, in one chunk (after ui, which takes their libraries).
            { name: (id, ctx) => (!isLibrary(id) && (firstScreens ??= closure(FIRST_SCREENS, (m) => ctx.getModuleInfo(m), (m) => m.startsWith(SRC))).has(id) ? 'screens' : null), priority: 10 },
          ],
        },
      },
    },
  },
});

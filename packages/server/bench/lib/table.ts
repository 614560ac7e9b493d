/** The results as one table on the terminal. */
import type { Result } from './types.ts';

const cell = (v: number | string | null | undefined) => (v === null || v === undefined ? '—' : String(v));

export function printTable(results: Result[]): void {
  const header = ['benchmark', 'engine', 'scale', 'unit', 'median', 'p95', 'floor', 'ratio', 'target', 'met', 'load', 'note'];
  const lines = results.map((r) => [r.name, r.engine, r.scale, r.unit, cell(r.median), cell(r.p99 !== undefined ? `${cell(r.p95)} (p99 ${cell(r.p99)})` : r.p95), cell(r.floor), cell(r.ratio), r.target, r.met === null ? '—' : r.met ? 'yes' : 'NO', cell(r.load), r.note ?? '']);
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i]!))));
  const pad = (s: string, i: number) => s + ' '.repeat(widths[i]! - width(s));
  console.log(`\n${header.map(pad).join('  ')}`);
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(l.map(pad).join('  '));
  console.log('');
}

/** The same table in Markdown, for docs/performance.md. */
export function markdownTable(results: Result[]): string {
  const rows = results.map((r) =>
    [r.name, r.engine, r.scale, r.unit, cell(r.median), r.p99 !== undefined ? `${cell(r.p95)} (p99 ${cell(r.p99)})` : cell(r.p95), cell(r.floor), cell(r.ratio), r.target, r.met === null ? '—' : r.met ? 'yes' : '**no**', cell(r.load), r.note ?? ''].join(' | '),
  );
  return ['| benchmark | engine | scale | unit | median | p95 | floor | ratio | target | met | load | note |', '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- | ---: | --- |', ...rows.map((r) => `| ${r} |`)].join('\n');
}

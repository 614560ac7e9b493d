/**
 * For the bulletin's tests: the body of a Word document read back as paragraphs and tables (with
 * a strict XML parser, so a document that is not well formed fails), and a bulletin made up in
 * memory with names that need escaping.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { BulletinData, BulletinProject } from './data.ts';

export interface WordCell {
  text: string;
  /** w:jc of the cell's paragraph. */
  align: string | null;
}

export type WordBlock = { kind: 'p'; text: string } | { kind: 'tbl'; rows: { header: boolean; cells: WordCell[] }[]; gridCols: number[] };

export async function documentXml(docx: Buffer | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return zip.file('word/document.xml')!.async('string');
}

/** The body's top-level paragraphs and tables, in order. Throws on XML that is not well formed. */
export function wordBlocks(xml: string): WordBlock[] {
  const blocks: WordBlock[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  let table: Extract<WordBlock, { kind: 'tbl' }> | null = null;
  let cell: WordCell | null = null;
  let paragraph: string | null = null;
  let inText = false;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (node) => {
    const val = () => String(node.attributes['w:val'] ?? '');
    if (node.name === 'w:tbl') blocks.push((table = { kind: 'tbl', rows: [], gridCols: [] }));
    else if (table && node.name === 'w:gridCol') table.gridCols.push(Number(node.attributes['w:w']));
    else if (table && node.name === 'w:tr') table.rows.push({ header: false, cells: [] });
    else if (table && node.name === 'w:tblHeader') table.rows.at(-1)!.header = true;
    else if (table && node.name === 'w:tc') table.rows.at(-1)!.cells.push((cell = { text: '', align: null }));
    else if (cell && node.name === 'w:jc') cell.align = val();
    else if (!table && node.name === 'w:p') paragraph = '';
    else if (node.name === 'w:t') inText = true;
  });
  parser.on('text', (t) => {
    if (!inText) return;
    if (cell) cell.text += t;
    else if (paragraph !== null) paragraph += t;
  });
  parser.on('closetag', (node) => {
    if (node.name === 'w:t') inText = false;
    else if (node.name === 'w:tc') cell = null;
    else if (node.name === 'w:tbl') table = null;
    else if (!table && node.name === 'w:p' && paragraph !== null) {
      blocks.push({ kind: 'p', text: paragraph });
      paragraph = null;
    }
  });
  parser.write(xml).close();
  return blocks;
}

/** The first table after the paragraph that reads `heading`. */
export function tableAfter(blocks: WordBlock[], heading: string) {
  const at = blocks.findIndex((b) => b.kind === 'p' && b.text === heading);
  const table = blocks.slice(at + 1).find((b) => b.kind === 'tbl');
  if (at < 0 || !table || table.kind !== 'tbl') throw new Error(`no table after ${heading}`);
  return table;
}

/** Names an office really types: ampersands, angle brackets, quotes, full-width punctuation. */
export const AWKWARD_NAMES = [
  'A&B <智能> "装备"产业园（一期）',
  "湘潭'精工'科技有限公司年产10万吨；项目、二期【续建】",
  '=HYPERLINK("http://x")项目',
  '老旧小区改造——雨湖区 & 岳塘区 <2026>',
  '含控制符\u0007的项目名称',
];

/** A bulletin made up in memory: `n` projects, the first ones with awkward names, some without a plan. */
export function sampleBulletin(n: number, kind: BulletinData['kind'] = 'week'): BulletinData {
  const projects: BulletinProject[] = Array.from({ length: n }, (_, i) => {
    const planWan = i % 7 === 3 ? null : 1000 + ((i * 7919) % 500000) / 100;
    const ytdWan = ((i * 104729) % 400000) / 100;
    const completionRate = planWan === null ? null : Math.round((ytdWan / planWan) * 10000) / 100;
    return {
      name: AWKWARD_NAMES[i] ?? `第${i + 1}号重点项目（湘潭市）`,
      regionName: ['雨湖区', '岳塘区', '湘潭县'][i % 3]!,
      category: '产业项目',
      planWan,
      ytdWan,
      completionRate,
      gapPoints: completionRate === null ? null : Math.round((completionRate - 83.33) * 100) / 100,
      grade: [null, '优秀', '良好', '一般', '较差'][i % 5]!,
      colour: ([null, 'green', 'yellow', 'red'] as const)[i % 4]!,
    };
  });
  const total = { key: '', group: '合计', projects: n, planWan: 123456.78, ytdWan: 98765.43, completionRate: 80, timeProgress: 83.33, gapPoints: -3.33 };
  return {
    kind,
    title: '湘潭市重点项目建设周晒榜',
    cityName: '湘潭市',
    periodText: '2026年第48周',
    asOf: '2026-11-27',
    issuedOn: '2026-11-29',
    summary: ['截至11月27日，全市重点项目累计完成投资9.88亿元。'],
    byRegion: [{ ...total, key: '430302', group: '雨湖区' }],
    byCategory: [{ ...total, key: 'industry', group: '产业项目' }],
    total,
    projects,
    red: projects.filter((p) => p.colour === 'red'),
    yellow: projects.filter((p) => p.colour === 'yellow'),
    gradesPublished: true,
    problems: {
      sentence: '今年以来交办问题3个，已销号2个。',
      total: { raised: 3, open: 1, solvedOnSpot: 0, assigned: 3, closed: 2, overdue: 1, onTimeRate: 50, avgDaysToClose: 4.5 },
      byDepartment: [{ group: '市自然资源和规划局', raised: 3, open: 1, solvedOnSpot: 0, assigned: 3, closed: 2, overdue: 1, onTimeRate: 50, avgDaysToClose: 4.5 }],
    },
  };
}

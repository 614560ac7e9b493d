/**
 * The bulletin as a Word document in the form offices publish: 标题, 日期, 综述, 表格, 红黄榜.
 * The project table's rows, the only large part, are written as text after `docx` has packed
 * the rest (table-rows.ts); everything else is built with `docx`.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { StatsRow } from '../stats/service.ts';
import type { BulletinData, BulletinProject } from './data.ts';
import { fillTemplateRow, rowTemplate } from './table-rows.ts';

const BODY_FONT = 'FangSong';
const TITLE_FONT = 'SimHei';
// One formatter per number of decimals, made once: toLocaleString with options builds a new
// one on every call, which took most of the time of a province's table.
const FORMATS = new Map([1, 2].map((d) => [d, new Intl.NumberFormat('zh-CN', { minimumFractionDigits: d, maximumFractionDigits: d })]));
const num = (v: number | null, d: 1 | 2 = 2) => (v === null ? '—' : FORMATS.get(d)!.format(v));

function cell(text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  return new TableCell({
    children: [new Paragraph({ alignment: opts.align ?? AlignmentType.CENTER, children: [new TextRun({ text, bold: opts.bold, size: 21, font: BODY_FONT })] })],
  });
}

function table(headers: string[], rows: string[][]) {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, { bold: true })) }),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, { align: i === 1 && headers[1] === '项目名称' ? AlignmentType.LEFT : AlignmentType.CENTER })) })),
    ],
  });
}

function heading(text: string) {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, size: 32, font: TITLE_FONT })] });
}

function para(text: string) {
  return new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text, size: 32, font: BODY_FONT })] });
}

const statsRows = (rows: StatsRow[], total: StatsRow) =>
  [...rows, total].map((r, i) => [r === total ? '' : String(i + 1), r.group, String(r.projects), num(r.planWan), num(r.ytdWan), r.completionRate === null ? '—' : `${num(r.completionRate)}%`, num(r.gapPoints)]);

/** Row by row as they are written: no second array of a province's rows. */
function* projectRows(list: BulletinProject[], withGrade: boolean): Generator<string[]> {
  let i = 0;
  for (const p of list) yield [String(++i), p.name, p.regionName, num(p.planWan), num(p.ytdWan), p.completionRate === null ? '—' : `${num(p.completionRate)}%`, num(p.gapPoints), ...(withGrade ? [p.grade ?? '—'] : [])];
}

/**
 * `projectRowsBy: 'docx'` builds every project row as `docx` objects, as the bulletin once did:
 * slow at province scale, kept as the reference the text rows are tested against.
 */
export async function bulletinDocx(d: BulletinData, opts: { projectRowsBy?: 'text' | 'docx' } = {}): Promise<Buffer> {
  const byDocx = opts.projectRowsBy === 'docx';
  const withGrade = d.kind === 'week';
  const projectHeaders = ['序号', '项目名称', '县市区', '年度计划（万元）', '累计完成（万元）', '完成率', '进度差（百分点）', ...(withGrade ? ['等次'] : [])];
  const template = rowTemplate(projectHeaders.length);
  const doc = new Document({
    creator: '领跑 Pacer',
    title: `${d.title}（${d.periodText}）`,
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: d.title, bold: true, size: 44, font: TITLE_FONT })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `（${d.periodText}）`, size: 32, font: BODY_FONT })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 240 }, children: [new TextRun({ text: `${d.cityName}重点项目建设竞赛活动办公室　${d.issuedOn.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}`, size: 28, font: BODY_FONT })] }),
          heading('一、总体情况'),
          ...d.summary.map(para),
          heading('二、各县市区（园区）完成情况'),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: '单位：万元', size: 21 })] }),
          table(['序号', '县市区', '项目数', '年度计划', '累计完成', '完成率', '进度差（百分点）'], statsRows(d.byRegion, d.total)),
          heading('三、分类别完成情况'),
          table(['序号', '类别', '项目数', '年度计划', '累计完成', '完成率', '进度差（百分点）'], statsRows(d.byCategory, d.total)),
          heading('四、项目完成情况'),
          // The header and one template row; the projects' rows replace it once packed.
          table(projectHeaders, byDocx ? [...projectRows(d.projects, withGrade)] : [template.tokens]),
          heading('五、红黄榜'),
          para(d.red.length ? `红色预警（${d.red.length}个）：${d.red.map((p) => p.name).join('；')}。` : '本期无红色预警项目。'),
          para(d.yellow.length ? `黄色预警（${d.yellow.length}个，曾落后、已追上）：${d.yellow.map((p) => p.name).join('；')}。` : '本期无黄色预警项目。'),
          heading('六、问题交办办理情况'),
          para(d.problems.sentence),
          ...(d.problems.byDepartment.length
            ? [
                table(
                  ['序号', '牵头单位', '交办', '销号', '逾期', '按期办结率', '平均办结天数'],
                  d.problems.byDepartment.map((r, i) => [String(i + 1), r.group, String(r.assigned), String(r.closed), String(r.overdue), r.onTimeRate === null ? '—' : `${num(r.onTimeRate)}%`, num(r.avgDaysToClose, 1)]),
                ),
              ]
            : []),
        ],
      },
    ],
  });
  const packed = await Packer.toBuffer(doc);
  return byDocx ? packed : fillTemplateRow(packed, template, projectRows(d.projects, withGrade));
}

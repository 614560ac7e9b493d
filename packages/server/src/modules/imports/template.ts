/**
 * Import templates (导入模板), generated from the city's own reference data: an instructions
 * sheet, the table with drop-down lists (level, category, status, track, region, park, units),
 * examples on their own sheet (skipped on import), and for progress the caller's projects
 * already listed. A filled template always imports.
 */
import { beijingLocal, COMPETITION_TRACKS, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES } from '@pacer/domain';
import ExcelJS from 'exceljs';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations, people, projects, regions } from '../../db/schema.ts';
import { printedSheet, WAN_FORMAT, type Cell, type PrintedColumn } from '../../xlsx/printed.ts';
import { writeScope } from '../projects/scope.ts';
import { scopeUser, type Actor } from './actor.ts';

const TEXT = '@';
const DATE = 'yyyy-mm-dd';

interface Lists {
  [name: string]: string[];
}

async function referenceLists(db: Db): Promise<Lists> {
  const regionRows = await db.select().from(regions).orderBy(asc(regions.sort), asc(regions.code));
  const orgRows = await db.select({ name: organisations.name, kind: organisations.kind }).from(organisations).orderBy(asc(organisations.name));
  const personRows = await db.select({ name: people.name }).from(people).orderBy(asc(people.name));
  const orgs = (...kinds: string[]) => orgRows.filter((o) => kinds.includes(o.kind)).map((o) => o.name);
  return {
    级别: PROJECT_LEVELS.list.map((t) => t.zh),
    类别: PROJECT_CATEGORIES.list.map((t) => t.zh),
    状态: PROJECT_STATUSES.list.map((t) => t.zh),
    赛道: COMPETITION_TRACKS.list.map((t) => t.zh),
    县市区: regionRows.filter((r) => r.kind !== 'park' && r.kind !== 'province').map((r) => r.name),
    园区: regionRows.filter((r) => r.kind === 'park').map((r) => r.name),
    业主单位: orgs('owner'),
    责任单位: orgs('department', 'government', 'hq'),
    联点领导: personRows.map((p) => p.name),
    指挥部: orgs('hq'),
    服务专班: orgs('service_team'),
  };
}

/** The hidden "选项" sheet holding the lists the drop-downs point at. */
function optionsSheet(wb: ExcelJS.Workbook, lists: Lists): Map<string, string> {
  const ws = wb.addWorksheet('选项', { state: 'hidden' });
  const refs = new Map<string, string>();
  Object.entries(lists).forEach(([name, values], i) => {
    const col = ws.getColumn(i + 1);
    col.values = [name, ...values];
    const letter = col.letter;
    refs.set(name, `'选项'!$${letter}$2:$${letter}$${Math.max(2, values.length + 1)}`);
  });
  return refs;
}

interface TemplateColumn extends PrintedColumn {
  list?: string;
  /** Other values may be typed (several levels, a new owner unit): warn, don't stop. */
  open?: boolean;
}

function addValidations(ws: ExcelJS.Worksheet, columns: TemplateColumn[], refs: Map<string, string>, firstRow: number, lastRow: number) {
  columns.forEach((c, i) => {
    const letter = ws.getColumn(i + 1).letter;
    if (c.numFmt) for (let r = firstRow; r <= Math.min(lastRow, firstRow + 1999); r++) ws.getCell(r, i + 1).numFmt = c.numFmt;
    if (!c.list || !refs.has(c.list)) return;
    // ExcelJS 4.4 has worksheet.dataValidations but its typings omit it.
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}${firstRow}:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [refs.get(c.list)!],
      showErrorMessage: true,
      errorStyle: c.open ? 'information' : 'warning',
      errorTitle: c.header,
      error: c.open ? '不在列表中的值也可以填写（导入时会核对）' : '请从下拉列表中选择',
    });
  });
}

function instructions(wb: ExcelJS.Workbook, title: string, lines: string[]) {
  const ws = wb.addWorksheet('填写说明');
  ws.getColumn(1).width = 110;
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { name: '黑体', size: 16, bold: true };
  lines.forEach((l, i) => {
    const cell = ws.getCell(i + 3, 1);
    cell.value = l;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

const COMMON_RULES = [
  '1. 金额单位为万元，最多 4 位小数（精确到元）；如按亿元或元填写，请在表头注明，例如"计划总投资（亿元）"。数字可带千分位逗号。',
  '2. 日期可写作 2022-03-10、2022年3月、2022.03 或 Excel 日期。',
  '3. 已有项目按"项目代码"识别，没有代码的按"项目名称＋县市区"识别；空白单元格不会覆盖系统中已有的内容。',
  '4. 分组行（如"一、产业项目（45个）"）、小计行、合计行、空行不会当作项目导入；分组行写明的类别、建设状态会用于其下的项目。',
  '5. 请不要使用公式；如某列由公式算出，请复制后"选择性粘贴为数值"。',
  '6. 导入先"预检"：列出将新建、更新、不变的项目和每一处问题（工作表、行、列、内容、原因），确认后才写入；导入可整体撤销。',
  '7. "示例"工作表仅供参考，不会导入；可以把示例行复制到数据表中修改。',
];

export async function projectTemplate(db: Db, year: number): Promise<Buffer> {
  const lists = await referenceLists(db);
  const columns: TemplateColumn[] = [
    { header: '序号', width: 6 },
    { header: '项目代码', width: 27, numFmt: TEXT },
    { header: '项目名称', width: 36 },
    { header: '项目级别', width: 14, list: '级别', open: true },
    { header: '项目类别', width: 16, list: '类别' },
    { header: '建设状态', width: 10, list: '状态' },
    { header: '竞赛赛道', width: 10, list: '赛道' },
    { header: '县市区', width: 10, list: '县市区' },
    { header: '所在园区', width: 12, list: '园区' },
    { header: '国民经济行业代码', width: 10, numFmt: TEXT },
    { header: '业主单位', width: 28, list: '业主单位', open: true },
    { header: '责任单位', width: 20, list: '责任单位' },
    { header: '联点领导', width: 10, list: '联点领导' },
    { header: '协调指挥部', width: 24, list: '指挥部' },
    { header: '服务专班', width: 16, list: '服务专班' },
    { header: '联系人', width: 10 },
    { header: '联系电话', width: 16, numFmt: TEXT },
    { header: '计划总投资（万元）', width: 14, numFmt: WAN_FORMAT },
    { header: `${year}年计划投资（万元）`, width: 14, numFmt: WAN_FORMAT },
    { header: '计划开工时间', width: 12, numFmt: DATE },
    { header: '计划竣工时间', width: 12, numFmt: DATE },
    { header: '建设内容', width: 40 },
  ];
  const wb = new ExcelJS.Workbook();
  wb.creator = '领跑 Pacer';
  instructions(wb, `${year}年重点项目台账 填写说明`, [
    ...COMMON_RULES,
    '8. 新项目必填：项目名称、项目级别、项目类别、建设状态、县市区、业主单位、计划总投资；项目级别可填多个，用"、"分隔，例如"省重点、市州重点"。',
    `9. 可选值——项目级别：${lists['级别']!.join('、')}；项目类别：${lists['类别']!.join('、')}；建设状态：${lists['状态']!.join('、')}；竞赛赛道（产业项目）：${lists['赛道']!.join('、')}。`,
    '10. 业主单位不在下拉列表中的，导入时会新建该单位（预检中会列出）。',
  ]);
  const note = `填报日期：　　年　月　日　　　　　　　　单位：万元`;
  const data = printedSheet(wb, '项目台账', { title: `${year}年重点项目台账`, note, columns });
  const example = printedSheet(wb, '示例（不导入）', { title: `${year}年重点项目台账（示例）`, note, columns });
  example.addRows(exampleRows(lists, year));
  const refs = optionsSheet(wb, lists);
  addValidations(data.ws, columns, refs, 4, 5000);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function exampleRows(lists: Lists, year: number): Cell[][] {
  const pick = (name: string, i = 0) => lists[name]?.[i] ?? '';
  return [
    [1, '', `示例智能装备产业园项目`, `${pick('级别', 2)}`, pick('类别', 0), pick('状态', 0), pick('赛道', 1), pick('县市区', 1), '', 'C34', pick('业主单位', 0), pick('责任单位', 0), pick('联点领导', 0), pick('指挥部', 0), pick('服务专班', 0), '李工', '0731-58880000', 52000, 18000, `${year}-03-01`, `${year + 2}-06-30`, '建设厂房 6 万平方米及生产线 4 条'],
    [2, '', `示例城市道路提质改造工程`, `${pick('级别', 0)}、${pick('级别', 2)}`, pick('类别', 2), pick('状态', 1), '', pick('县市区', 2), '', 'E48', pick('业主单位', 1), pick('责任单位', 1), pick('联点领导', 1), pick('指挥部', 2), pick('服务专班', 1), '王经理', '0731-58881111', 12800.5, 6000, `${year - 1}年10月`, `${year}年12月`, '改造道路 4.2 公里'],
  ];
}

/** The progress template for a month, listing the projects the caller reports for. */
export async function progressTemplate(db: Db, actor: Actor, period: { year: number; month: number }): Promise<Buffer> {
  const rows = await db
    .select({ code: projects.code, name: projects.name, region: regions.name })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(isNull(projects.deletedAt), writeScope(scopeUser(actor))))
    .orderBy(asc(projects.regionCode), asc(projects.name));
  const columns: TemplateColumn[] = [
    { header: '序号', width: 6 },
    { header: '项目代码', width: 27, numFmt: TEXT },
    { header: '项目名称', width: 36 },
    { header: '县市区', width: 10 },
    { header: '本年累计完成投资（万元）', width: 16, numFmt: WAN_FORMAT },
    { header: '自开工累计完成投资（万元）', width: 16, numFmt: WAN_FORMAT },
    { header: '本年累计财务支出（万元）', width: 16, numFmt: WAN_FORMAT },
    { header: '形象进度', width: 40 },
    { header: '存在问题', width: 30 },
  ];
  const wb = new ExcelJS.Workbook();
  wb.creator = '领跑 Pacer';
  instructions(wb, `${period.year}年${period.month}月重点项目进度填报 填写说明`, [
    ...COMMON_RULES,
    '8. 填报期取自表格标题（"…年…月"），请勿修改标题中的年月；每行填写截至该月底的数字。',
    '9. "本年累计完成投资"必填；"自开工累计完成投资"留空时，按上次填报的数加上本年新增自动计算。',
    '10. 本期完成投资 = 本年累计 − 上月的本年累计，由系统计算，无需填写。',
  ]);
  const title = `${period.year}年${period.month}月重点项目投资进度填报表`;
  const data = printedSheet(wb, '进度填报', { title, note: `填报单位：${actor.orgName ?? actor.displayName}　　　　导出时间：${beijingLocal(new Date()).replace('T', ' ')}　　　　单位：万元`, columns });
  data.addRows(rows.map((r, i) => [i + 1, r.code ?? '', r.name, r.region, null, null, null, '', '']));
  addValidations(data.ws, columns, new Map(), 4, 4 + rows.length + 500);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

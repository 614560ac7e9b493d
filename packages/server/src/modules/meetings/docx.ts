/**
 * The meeting's papers as Word documents, in the form offices print them: the brief
 * (会议材料: agenda by section) before the meeting, the minutes (会议纪要: discussion,
 * decisions with their units and deadlines, tour scores) after.
 */
import { AGENDA_SECTION_LABELS, AGENDA_SECTIONS, MEETING_KIND_LABELS, PROBLEM_KIND_LABELS, PROBLEM_STATE_LABELS, type MeetingDetail } from '@pacer/domain';
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const BODY_FONT = 'FangSong';
const TITLE_FONT = 'SimHei';
const chinaDate = (d: string) => d.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

function cell(text: string, bold = false) {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 21, font: BODY_FONT })] })] });
}

function table(headers: string[], rows: string[][]) {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) }))],
  });
}

const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, size: 32, font: TITLE_FONT })] });
const para = (text: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text, size: 32, font: BODY_FONT })] });
const title = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text, bold: true, size: 44, font: TITLE_FONT })] });
const NUMERALS = '一二三四五六七八九十';

function header(m: MeetingDetail) {
  const lines = [`时间：${chinaDate(m.heldOn)}`, m.location ? `地点：${m.location}` : null, m.chair ? `主持：${m.chair.name}` : null, m.attendeeUnits.length ? `参会单位：${m.attendeeUnits.map((u) => u.name).join('、')}` : null, m.attendees ? `参会：${m.attendees}` : null];
  return lines.filter((l): l is string => l !== null).map(para);
}

function agendaSections(m: MeetingDetail) {
  const out: (Paragraph | Table)[] = [];
  let n = 0;
  for (const section of AGENDA_SECTIONS) {
    const items = m.agenda.filter((a) => a.section === section);
    if (!items.length) continue;
    out.push(heading(`${NUMERALS[n++]}、${AGENDA_SECTION_LABELS[section]}（${items.length}项）`));
    out.push(table(['序号', '议题', '情况'], items.map((a, i) => [String(i + 1), a.title, a.note])));
  }
  if (!out.length) out.push(para('本次会议暂无议题。'));
  return out;
}

function pack(m: MeetingDetail, children: (Paragraph | Table)[]) {
  const doc = new Document({ creator: '领跑 Pacer', title: m.title, styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } }, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** 会议材料: what will be discussed, proposed from the data and edited by the office. */
export function meetingBriefDocx(m: MeetingDetail): Promise<Buffer> {
  return pack(m, [title(`${m.title}会议材料`), new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `（${MEETING_KIND_LABELS[m.kind]}）`, size: 32 })] }), ...header(m), ...agendaSections(m)]);
}

/** 会议纪要: the discussion, the decisions with who does what by when, and a tour's scores. */
export function meetingMinutesDocx(m: MeetingDetail): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [title(`${m.title}纪要`), ...header(m)];
  let n = 0;
  const section = (name: string) => heading(`${NUMERALS[n++]}、${name}`);
  const minutes = m.minutes.split('\n').map((l) => l.trim()).filter(Boolean);
  if (minutes.length) children.push(section('会议情况'), ...minutes.map(para));
  children.push(section('议定事项'));
  children.push(
    m.decisionList.length
      ? table(
          ['序号', '事项', '类别', '责任单位', '办理期限', '办理状态'],
          m.decisionList.map((d, i) => [String(i + 1), d.text, PROBLEM_KIND_LABELS[d.kind], d.lead ?? '—', d.deadline ?? '—', PROBLEM_STATE_LABELS[d.state]]),
        )
      : para('本次会议无议定事项。'),
  );
  if (m.kind === 'tour') {
    children.push(section('观摩点评分'));
    const ranked = [...m.visits].sort((a, b) => (b.average ?? -1) - (a.average ?? -1));
    children.push(table(['序号', '观摩项目', '县市区', '评分人数', '平均得分'], ranked.map((v, i) => [String(i + 1), v.projectName, v.regionName, String(v.scores), v.average === null ? '—' : v.average.toFixed(2)])));
  }
  return pack(m, children);
}

/**
 * The bulletin as a page to read and print, laid out as offices publish it: title, period,
 * issuer and date, summary paragraphs written by the server, tables, red and yellow lists.
 * The text is the server's Chinese, the same as in the Word and Excel files.
 */
import { formatWan, type Locale } from '@pacer/domain';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { ColourDot, GapPoints, percentText, wanToYuanNumber } from '../../shared/figures.tsx';
import type { StatsRow } from '../dashboard/types.ts';
import type { Bulletin, BulletinProject } from './types.ts';

const wan = (v: number | null, locale: Locale) => (v === null ? '—' : formatWan(wanToYuanNumber(v), 2, locale));
const chineseDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

function StatsTable({ rows, total, first }: { rows: StatsRow[]; total: StatsRow; first: string }) {
  const { t } = useTranslation('bulletins');
  const { locale } = useLocale();
  return (
    <table className="pacer-doc-table">
      <thead>
        <tr>
          <th>{t('columns.index')}</th>
          <th>{first}</th>
          <th>{t('columns.projects')}</th>
          <th>{t('columns.plan')}</th>
          <th>{t('columns.ytd')}</th>
          <th>{t('columns.completion')}</th>
          <th>{t('columns.gap')}</th>
        </tr>
      </thead>
      <tbody>
        {[...rows, total].map((r, i) => (
          <tr key={r.group} className={r === total ? 'pacer-doc-total' : undefined}>
            <td>{r === total ? '' : i + 1}</td>
            <td>{r === total ? t('columns.total') : r.group}</td>
            <td>{r.projects}</td>
            <td className="num">{wan(r.planWan, locale)}</td>
            <td className="num">{wan(r.ytdWan, locale)}</td>
            <td className="num">{percentText(r.completionRate, locale)}</td>
            <td className="num">
              <GapPoints value={r.gapPoints} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 问题交办办理情况 by lead department, as the Word and Excel files have it. */
function ProblemsTable({ rows }: { rows: Bulletin['problems']['byDepartment'] }) {
  const { t } = useTranslation('bulletins');
  const { locale } = useLocale();
  return (
    <table className="pacer-doc-table" data-testid="bulletin-problems">
      <thead>
        <tr>
          <th>{t('columns.index')}</th>
          <th>{t('columns.department')}</th>
          <th>{t('columns.assigned')}</th>
          <th>{t('columns.closed')}</th>
          <th>{t('columns.overdue')}</th>
          <th>{t('columns.onTimeRate')}</th>
          <th>{t('columns.avgDays')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.group}>
            <td>{i + 1}</td>
            <td className="name">{r.group}</td>
            <td className="num">{r.assigned}</td>
            <td className="num">{r.closed}</td>
            <td className="num">{r.overdue}</td>
            <td className="num">{percentText(r.onTimeRate, locale)}</td>
            <td className="num">{r.avgDaysToClose === null ? '—' : r.avgDaysToClose.toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProjectsTable({ rows, withGrade }: { rows: BulletinProject[]; withGrade: boolean }) {
  const { t } = useTranslation('bulletins');
  const { locale } = useLocale();
  return (
    <table className="pacer-doc-table" data-testid="bulletin-projects">
      <thead>
        <tr>
          <th>{t('columns.index')}</th>
          <th>{t('columns.name')}</th>
          <th>{t('columns.region')}</th>
          <th>{t('columns.plan')}</th>
          <th>{t('columns.ytd')}</th>
          <th>{t('columns.completion')}</th>
          <th>{t('columns.gap')}</th>
          <th>{t('columns.colour')}</th>
          {withGrade && <th>{t('columns.grade')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((p, i) => (
          <tr key={`${p.name}-${i}`}>
            <td>{i + 1}</td>
            <td className="name">{p.name}</td>
            <td>{p.regionName}</td>
            <td className="num">{wan(p.planWan, locale)}</td>
            <td className="num">{wan(p.ytdWan, locale)}</td>
            <td className="num">{percentText(p.completionRate, locale)}</td>
            <td className="num">
              <GapPoints value={p.gapPoints} />
            </td>
            <td>
              <ColourDot colour={p.colour} />
            </td>
            {withGrade && <td>{p.grade ?? '—'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BulletinView({ data }: { data: Bulletin }) {
  const { t } = useTranslation('bulletins');
  const withGrade = data.kind === 'week';
  return (
    <article className="pacer-paper" data-testid="bulletin-view">
      <h1 className="pacer-doc-title" data-testid="bulletin-title">
        {data.title}
      </h1>
      <p className="pacer-doc-period" data-testid="bulletin-period">
        （{data.periodText}）
      </p>
      <p className="pacer-doc-issuer" data-testid="bulletin-issuer">
        {t('issuer', { city: data.cityName })}　{chineseDate(data.issuedOn)}
      </p>
      <h2>{t('sections.overall')}</h2>
      {data.summary.map((line) => (
        <p key={line} className="pacer-doc-para" data-testid="bulletin-summary">
          {line}
        </p>
      ))}
      <h2>{t('sections.byRegion')}</h2>
      <p className="pacer-doc-unit">{t('unitNote')}</p>
      <StatsTable rows={data.byRegion} total={data.total} first={t('columns.region')} />
      <h2>{t('sections.byCategory')}</h2>
      <StatsTable rows={data.byCategory} total={data.total} first={t('columns.category')} />
      <h2>{t('sections.projects')}</h2>
      {withGrade && !data.gradesPublished && <p className="pacer-doc-unit">{t('gradesNotPublished')}</p>}
      <ProjectsTable rows={data.projects} withGrade={withGrade} />
      <h2>{t('sections.redYellow')}</h2>
      <p className="pacer-doc-para" data-testid="bulletin-red">
        {data.red.length ? `${t('red', { count: data.red.length })}${data.red.map((p) => p.name).join('；')}。` : t('noRed')}
      </p>
      <p className="pacer-doc-para" data-testid="bulletin-yellow">
        {data.yellow.length ? `${t('yellow', { count: data.yellow.length })}${data.yellow.map((p) => p.name).join('；')}。` : t('noYellow')}
      </p>
      <h2>{t('sections.problems')}</h2>
      <p className="pacer-doc-para" data-testid="bulletin-problem-sentence">
        {data.problems.sentence}
      </p>
      {data.problems.byDepartment.length > 0 && <ProblemsTable rows={data.problems.byDepartment} />}
      <p className="pacer-doc-unit">{t('basis', { date: data.asOf })}</p>
    </article>
  );
}

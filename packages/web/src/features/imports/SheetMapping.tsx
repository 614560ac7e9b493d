/**
 * One sheet's mapping: whether to import it, its header rows, amount unit and period as read,
 * and each source header with the field it goes to — a Select the person can correct.
 */
import { AMOUNT_UNITS, LEDGER_FIELDS, UNIT_LABELS, type AmountUnit, type ColumnMapping, type ImportKind, type LedgerField } from '@pacer/domain';
import { Alert, Card, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { columnImported, draftColumns, type SheetDraft } from './mappingDraft.ts';
import { columnLetter, periodLabel } from './jobState.ts';
import type { SheetFinding } from './types.ts';

interface Props {
  /** Position among the job's sheets, for test ids (sheet names are free text). */
  position: number;
  finding: SheetFinding;
  draft: SheetDraft;
  kind: ImportKind;
  problems: string[];
  disabled: boolean;
  onEnabled: (enabled: boolean) => void;
  onUnit: (unit: AmountUnit) => void;
  onField: (index: number, field: LedgerField | null) => void;
}

const SOURCE_COLOURS = { rule: 'blue', memory: 'purple', user: 'green', none: 'orange' } as const;
const TARGETS = ['project', 'progress', 'none'] as const;

export function SheetMapping({ position, finding, draft, kind, problems, disabled, onEnabled, onUnit, onField }: Props) {
  const { t } = useTranslation('imports');
  const { locale } = useLocale();
  const narrow = useIsNarrow();
  const columns = draftColumns(finding, draft);
  const fieldOptions = TARGETS.map((target) => ({
    label: t(`mapping.groups.${target}`),
    title: t(`mapping.groups.${target}`),
    options: LEDGER_FIELDS.filter((f) => f.target === target).map((f) => ({ value: f.key, label: locale === 'en-US' ? f.en : f.zh })),
  }));
  const sampleOf = (index: number) =>
    finding.sample
      .map((row) => row[index] ?? '')
      .filter(Boolean)
      .slice(0, 2)
      .join(' · ');

  const tableColumns: ColumnsType<ColumnMapping> = [
    { key: 'letter', title: t('mapping.column'), width: 48, render: (_, c) => columnLetter(c.index) },
    {
      key: 'header',
      title: t('mapping.header'),
      render: (_, c) => (
        <Space size={4} wrap>
          <span>{c.header}</span>
          {c.unit && <Tag>{t('mapping.columnUnit', { unit: UNIT_LABELS[c.unit] })}</Tag>}
        </Space>
      ),
    },
    {
      key: 'field',
      title: t('mapping.field'),
      width: 190,
      render: (_, c) => (
        <Select<LedgerField>
          value={c.field ?? undefined}
          placeholder={t('mapping.unmapped')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          // Under thirty fields: all rendered, so none is out of reach on a short phone screen.
          virtual={false}
          disabled={disabled || !draft.enabled}
          options={fieldOptions}
          onChange={(field) => onField(c.index, field ?? null)}
          style={{ width: 170 }}
          status={c.field ? undefined : 'warning'}
          data-testid={`mapping-field-${position}-${columnLetter(c.index)}`}
        />
      ),
    },
    {
      key: 'source',
      title: t('mapping.source'),
      width: 110,
      render: (_, c) =>
        c.field && !columnImported(kind, c.field) && c.field !== 'ignore' && c.field !== 'seq' ? (
          <Tag>{t('mapping.leftOut')}</Tag>
        ) : (
          <Tag color={SOURCE_COLOURS[c.source]} data-testid={`mapping-source-${position}-${columnLetter(c.index)}`}>
            {t(`mapping.sources.${c.source}`)}
          </Tag>
        ),
    },
    {
      key: 'sample',
      title: t('mapping.sample'),
      ellipsis: { showTitle: true },
      width: narrow ? 140 : 220,
      render: (_, c) => <Typography.Text type="secondary">{sampleOf(c.index)}</Typography.Text>,
    },
  ];

  const headerText =
    finding.headerTop === finding.headerBottom
      ? t('mapping.headerRow', { from: finding.headerTop + 1 })
      : t('mapping.headerRows', { from: finding.headerTop + 1, to: finding.headerBottom + 1 });

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`sheet-${position}`}
      title={
        <Space size={4} wrap>
          <span>
            {t('mapping.sheet')}：{finding.sheet}
          </span>
          {finding.hidden && <Tag>{t('mapping.hidden')}</Tag>}
          {finding.found ? <Tag data-testid={`sheet-header-rows-${position}`}>{headerText}</Tag> : <Tag color="default">{t('mapping.notFound')}</Tag>}
          <Tag>{t('mapping.rows', { rows: finding.rows })}</Tag>
        </Space>
      }
      extra={
        finding.found && (
          <Space size={4}>
            <Switch size="small" checked={draft.enabled} disabled={disabled} onChange={onEnabled} id={`sheet-enabled-${position}`} data-testid={`sheet-enabled-${position}`} />
            {!narrow && <label htmlFor={`sheet-enabled-${position}`}>{t('mapping.import')}</label>}
          </Space>
        )
      }
    >
      {finding.found && draft.enabled && (
        <>
          {finding.title.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} ellipsis={{ rows: 2 }}>
              {finding.title.join(' ')}
            </Typography.Paragraph>
          )}
          <Space wrap style={{ marginBottom: 8 }}>
            <span>{t('mapping.unit')}</span>
            <Select<AmountUnit>
              size="small"
              value={draft.unit}
              disabled={disabled}
              onChange={onUnit}
              options={AMOUNT_UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))}
              style={{ width: 90 }}
              data-testid={`sheet-unit-${position}`}
            />
            <Tooltip title={t(`mapping.unitSource.${draft.unit === finding.unit ? finding.unitSource : 'user'}`)}>
              <Tag color={finding.unitSource === 'default' && draft.unit === finding.unit ? 'orange' : undefined}>{t(`mapping.unitSource.${draft.unit === finding.unit ? finding.unitSource : 'user'}`)}</Tag>
            </Tooltip>
            {finding.period && <Tag color="geekblue">{t('mapping.sheetPeriod', { period: periodLabel(finding.period, locale) })}</Tag>}
          </Space>
          {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={problems.join('；')} data-testid={`sheet-problems-${position}`} />}
          <Table<ColumnMapping>
            rowKey="index"
            size="small"
            columns={tableColumns}
            dataSource={columns}
            pagination={false}
            scroll={{ x: 'max-content' }}
            // A column that will not be imported is dimmed, not hidden: the person may still map it.
            onRow={(c) => ({ style: columnImported(kind, c.field) ? undefined : { opacity: 0.6 } })}
            data-testid={`mapping-table-${position}`}
          />
        </>
      )}
    </Card>
  );
}

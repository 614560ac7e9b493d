/**
 * 确认对应关系: what to import, the reporting month and plan year, defaults for missing
 * columns, and each sheet's mapping; then the dry run. Edits stay in the draft until sent.
 */
import { ThunderboltOutlined } from '@ant-design/icons';
import { COMPETITION_TRACKS, IMPORT_KINDS, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES, type ImportKind } from '@pacer/domain';
import { Alert, Button, Card, Checkbox, Col, Collapse, DatePicker, Form, InputNumber, Row, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { regionTree, useRegions } from '../../shared/reference.ts';
import { termOptions } from '../../shared/vocabulary.ts';
import { carriesProgress, draftIssues, hasIssues, setField, setSheet, type MappingDraft } from './mappingDraft.ts';
import { SheetMapping } from './SheetMapping.tsx';
import type { ImportDefaults, ImportJob } from './types.ts';

interface Props {
  job: ImportJob;
  draft: MappingDraft;
  onDraft: (d: MappingDraft) => void;
  /** The server is working on the job: nothing can be changed meanwhile. */
  busy: boolean;
  sending: boolean;
  error: string | null;
  onPreview: () => void;
}

export function MappingEditor({ job, draft, onDraft, busy, sending, error, onPreview }: Props) {
  const { t } = useTranslation('imports');
  const issues = draftIssues(job, draft);
  const progress = carriesProgress(job, draft);
  const periodSource = draft.period === job.period ? (job.periodSource ?? 'none') : 'user';
  const again = job.status === 'previewed' || job.status === 'failed';

  return (
    <Card size="small" title={t('mapping.title')} style={{ marginBottom: 12 }} data-testid="mapping-card">
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('mapping.hint')}
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item label={t('mapping.kind')}>
          <Select<ImportKind>
            value={draft.kind}
            disabled={busy}
            onChange={(kind) => onDraft({ ...draft, kind })}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            style={{ width: 160 }}
            data-testid="mapping-kind"
          />
        </Form.Item>
        {progress && (
          <Form.Item label={t('mapping.period')} required validateStatus={draft.period ? undefined : 'error'} help={draft.period ? undefined : t('mapping.periodNeeded')}>
            <Space size={4}>
              <DatePicker
                picker="month"
                value={draft.period ? dayjs(`${draft.period}-01`) : null}
                disabled={busy}
                onChange={(d) => onDraft({ ...draft, period: d ? d.format('YYYY-MM') : null })}
                disabledDate={(d) => d.isAfter(dayjs(), 'month')}
                inputReadOnly
                data-testid="mapping-period"
              />
              {draft.period && <Tag data-testid="mapping-period-source">{t(`mapping.periodSource.${periodSource as 'title'}`)}</Tag>}
            </Space>
          </Form.Item>
        )}
        <Form.Item label={t('mapping.planYear')}>
          <InputNumber min={2000} max={2100} precision={0} value={draft.planYear} disabled={busy} onChange={(planYear) => onDraft({ ...draft, planYear })} style={{ width: 100 }} data-testid="mapping-year" />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={draft.remember} disabled={busy} onChange={(e) => onDraft({ ...draft, remember: e.target.checked })} data-testid="mapping-remember">
            {t('mapping.remember')}
          </Checkbox>
        </Form.Item>
      </Form>
      {job.notices.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('job.notices')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {job.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
          data-testid="job-notices"
        />
      )}
      {job.sheets.map((s, i) => {
        const d = draft.sheets.find((x) => x.sheet === s.sheet)!;
        return (
          <SheetMapping
            key={s.sheet}
            position={i}
            finding={s}
            draft={d}
            kind={draft.kind}
            problems={issues.sheets.filter((x) => x.sheet === s.sheet).map((x) => x.message)}
            disabled={busy}
            onEnabled={(enabled) => onDraft(setSheet(draft, s.sheet, { enabled }))}
            onUnit={(unit) => onDraft(setSheet(draft, s.sheet, { unit }))}
            onField={(index, field) => onDraft(setField(draft, s.sheet, index, field))}
          />
        );
      })}
      <DefaultsPanel value={draft.defaults} disabled={busy} onChange={(defaults) => onDraft({ ...draft, defaults })} />
      {issues.noSheet && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('mapping.noSheet')} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={error} data-testid="mapping-error" />}
      <Button type="primary" icon={<ThunderboltOutlined />} loading={sending} disabled={busy || hasIssues(issues)} onClick={onPreview} data-testid="run-preview">
        {again ? t('mapping.repreview') : t('mapping.preview')}
      </Button>
    </Card>
  );
}

function DefaultsPanel({ value, disabled, onChange }: { value: ImportDefaults; disabled: boolean; onChange: (d: ImportDefaults) => void }) {
  const { t } = useTranslation('imports');
  const { locale } = useLocale();
  const regions = useRegions();
  const field = { style: { width: '100%' }, disabled, allowClear: true } as const;
  const body = (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('mapping.defaultsHint')}
      </Typography.Paragraph>
      <Row gutter={[12, 8]}>
        <Col xs={24} md={8}>
          <Typography.Text>{t('mapping.levels')}</Typography.Text>
          <Select {...field} mode="multiple" value={value.levels ?? []} onChange={(levels) => onChange({ ...value, levels })} options={termOptions(PROJECT_LEVELS, locale)} />
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text>{t('mapping.category')}</Typography.Text>
          <Select {...field} value={value.category} onChange={(category) => onChange({ ...value, category })} options={termOptions(PROJECT_CATEGORIES, locale)} />
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text>{t('mapping.status')}</Typography.Text>
          <Select {...field} value={value.status} onChange={(status) => onChange({ ...value, status })} options={termOptions(PROJECT_STATUSES, locale)} />
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text>{t('mapping.track')}</Typography.Text>
          <Select {...field} value={value.track} onChange={(track) => onChange({ ...value, track })} options={termOptions(COMPETITION_TRACKS, locale)} />
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text>{t('mapping.region')}</Typography.Text>
          <TreeSelect {...field} value={value.regionCode} onChange={(regionCode: string | undefined) => onChange({ ...value, regionCode })} treeData={regionTree(regions.data ?? [])} treeDefaultExpandAll />
        </Col>
      </Row>
    </>
  );
  return <Collapse size="small" style={{ marginBottom: 12 }} items={[{ key: 'defaults', label: t('mapping.defaults'), children: body }]} />;
}

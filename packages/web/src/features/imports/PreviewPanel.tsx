/**
 * 预检结果: how many projects and reports would be created, updated or left, every problem,
 * each row's outcome, and the commit — at once for a clean dry run, else only after the
 * person ticks that they accept the problems.
 */
import { CheckOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Row, Space, Statistic, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commitBlock, hasProblems } from './jobState.ts';
import { ProblemsTable } from './ProblemsTable.tsx';
import { RowsTable } from './RowsTable.tsx';
import type { ImportCounts, ImportJob } from './types.ts';

const SHOWN: (keyof ImportCounts)[] = ['created', 'updated', 'unchanged', 'skipped', 'reportsCreated', 'reportsUpdated', 'ownersCreated', 'ignoredRows'];
const COLOURS: Partial<Record<keyof ImportCounts, string>> = { created: '#389e0d', updated: '#1677ff', skipped: '#cf1322' };

export function CountsGrid({ counts }: { counts: ImportCounts }) {
  const { t } = useTranslation('imports');
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }} data-testid="preview-counts">
      {SHOWN.filter((k) => k !== 'ownersCreated' || counts.ownersCreated > 0).map((k) => (
        <Col key={k} xs={12} sm={8} md={6} xl={3}>
          <Statistic title={t(`preview.${k as 'created'}`)} value={counts[k]} styles={{ content: { color: COLOURS[k], fontSize: 20 } }} data-testid={`count-${k}`} />
        </Col>
      ))}
    </Row>
  );
}

interface Props {
  job: ImportJob;
  /** The mapping changed since this dry run. */
  changed: boolean;
  committing: boolean;
  error: string | null;
  onCommit: (acceptProblems: boolean) => void;
}

export function PreviewPanel({ job, changed, committing, error, onCommit }: Props) {
  const { t } = useTranslation('imports');
  const [accepted, setAccepted] = useState(false);
  const { counts } = job;
  const problems = hasProblems(counts);
  const block = commitBlock(job, { changed, accepted });
  const why = block === 'changed' ? t('mapping.changed') : block === 'nothing' ? t('preview.nothing') : block === 'problems' ? t('preview.mustAccept') : null;

  return (
    <Card size="small" title={t('preview.title')} style={{ marginBottom: 12 }} data-testid="preview-card">
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('preview.hint')}
      </Typography.Paragraph>
      <CountsGrid counts={counts} />
      {problems ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('preview.problems', { errors: counts.errors, warnings: counts.warnings })} description={t('preview.problemsHint')} data-testid="preview-problems" />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('preview.clean')} data-testid="preview-clean" />
      )}
      <Tabs
        size="small"
        defaultActiveKey={problems ? 'problems' : 'rows'}
        items={[
          { key: 'problems', label: t('problems.title'), children: <ProblemsTable jobId={job.id} counts={counts} /> },
          { key: 'rows', label: t('rows.title'), children: <RowsTable jobId={job.id} counts={counts} /> },
        ]}
      />
      <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
        {problems && (
          <Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)} data-testid="accept-problems">
            {t('preview.accept', { skipped: counts.skipped })}
          </Checkbox>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="commit-error" />}
        <Space wrap>
          <Button type="primary" icon={<CheckOutlined />} disabled={block !== null} loading={committing} onClick={() => onCommit(problems)} data-testid="commit-import">
            {t('preview.commit')}
          </Button>
          <Typography.Text type={why ? 'warning' : 'secondary'} data-testid="commit-hint">
            {why ?? t('preview.commitHint')}
          </Typography.Text>
        </Space>
      </Space>
    </Card>
  );
}

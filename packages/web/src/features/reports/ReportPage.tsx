/** 报表详情 (/reports/:id): the figures in both 口径, checks, photos, review and the version history. */
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { MILESTONE_KINDS } from '@pacer/domain';
import { Alert, Button, Card, Col, Descriptions, Empty, Image, Result, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiRequestError, errorMessage } from '../../app/api.ts';
import { FullPageSpin, useCan } from '../../app/auth.tsx';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { Money } from '../../shared/Money.tsx';
import { deadlineText, periodText } from '../../shared/periods.ts';
import { Findings } from './Findings.tsx';
import { useReport, useReportPhotos } from './hooks.ts';
import { ReviewDialog, type ReviewAction } from './ReviewDialogs.tsx';
import { StateTag } from './StateTag.tsx';
import { VersionHistory } from './VersionHistory.tsx';

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export default function ReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['reports', 'common']);
  const { locale } = useLocale();
  const can = useCan();
  const report = useReport(id);
  const photos = useReportPhotos(id);
  const [review, setReview] = useState<ReviewAction | null>(null);

  if (report.isPending) return <FullPageSpin />;
  if (report.isError) {
    const missing = report.error instanceof ApiRequestError && [400, 404].includes(report.error.status);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('detail.notFound') : t('common:errors.loadFailed')}
        subTitle={missing ? undefined : errorMessage(report.error)}
        extra={
          <Link to="/reports">
            <Button>{t('detail.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const r = report.data;
  const back = `/reports?${new URLSearchParams({ ...(r.periodKind === 'month' ? { kind: 'month' } : {}), date: r.periodStart }).toString()}`;
  const editable = can('reports:write') && (r.status === 'draft' || r.status === 'returned');

  return (
    <div data-testid="report-page" style={{ maxWidth: 1100 }}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Link to={back}>
          <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
            {t('detail.backToList')}
          </Button>
        </Link>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}>
          <div style={{ flex: '1 1 300px', minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: '4px 0 8px' }}>
              <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link>
            </Typography.Title>
            <Space wrap size={[8, 4]}>
              <Tag color="blue">{periodText(r.periodKind, r.periodStart, locale)}</Tag>
              <span data-testid="report-status">
                <StateTag state={r.status} />
              </span>
              {r.late && <Tag color="orange">{t('detail.lateTag')}</Tag>}
              <Typography.Text type="secondary">
                {t('fill.deadline')} {deadlineText(r.deadline, locale)}
              </Typography.Text>
            </Space>
          </div>
          <Space wrap>
            {editable && (
              <Link to={`/reports/fill/${r.projectId}?kind=${r.periodKind}&date=${r.periodStart}`}>
                <Button type="primary" icon={<EditOutlined />}>
                  {t('detail.continueFill')}
                </Button>
              </Link>
            )}
            {can('reports:review') && r.status === 'submitted' && (
              <>
                <Button type="primary" onClick={() => setReview('approve')} data-testid="detail-approve">
                  {t('review.approve')}
                </Button>
                <Button danger onClick={() => setReview('return')} data-testid="detail-return">
                  {t('review.return')}
                </Button>
              </>
            )}
          </Space>
        </div>
        {r.returnReason && r.status === 'returned' && <Alert type="warning" showIcon title={`${t('detail.returnReason')}：${r.returnReason}`} style={{ marginTop: 12 }} />}
        {r.reviewNote && <Alert type="success" showIcon title={`${t('detail.reviewNote')}：${r.reviewNote}`} style={{ marginTop: 12 }} data-testid="review-note" />}
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={16}>
          {r.findings.length > 0 && (
            <Card size="small" title={t('fill.findings')} style={{ marginBottom: 12 }}>
              <Findings findings={r.findings} />
            </Card>
          )}
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} title={t('fill.physicalBasis')} bordered>
              <Descriptions.Item label={t('fill.ytd')}>
                <Money yuan={r.ytdYuan} /> {t('common:units.wan')}
              </Descriptions.Item>
              <Descriptions.Item label={t('fill.period_')}>
                <Money yuan={r.periodYuan} /> {t('common:units.wan')}
              </Descriptions.Item>
              <Descriptions.Item label={t('fill.sinceStart')}>
                <Money yuan={r.sinceStartYuan} /> {t('common:units.wan')}
              </Descriptions.Item>
            </Descriptions>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} title={t('fill.paidBasis')} bordered style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('fill.paidYtd')}>
                <Money yuan={r.paidYtdYuan} /> {r.paidYtdYuan === null ? null : t('common:units.wan')}
              </Descriptions.Item>
            </Descriptions>
            <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('fill.physicalProgress')}>{r.physicalProgress || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('fill.milestones')}>
                {r.milestones.length ? r.milestones.map((m) => `${MILESTONE_KINDS.label(m.kind, locale)} ${m.actualDate}`).join('；') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('fill.problems')}>{r.problems || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('detail.submittedAt')}>{time(r.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.reviewedAt')}>{time(r.reviewedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('fill.photos')} style={{ marginBottom: 12 }}>
            {photos.data?.length ? (
              <Image.PreviewGroup>
                <Space wrap>
                  {photos.data.map((p) => (
                    <div key={p.id} style={{ textAlign: 'center' }}>
                      <Image src={p.url} width={104} height={104} style={{ objectFit: 'cover' }} alt={p.caption ?? ''} />
                      <div className="pacer-muted" style={{ fontSize: 12 }}>
                        {p.takenAt ? dayjs(p.takenAt).format('MM-DD HH:mm') : ''}
                      </div>
                    </div>
                  ))}
                </Space>
              </Image.PreviewGroup>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noPhotos')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('detail.history')}>
            <VersionHistory reportId={r.id} />
          </Card>
        </Col>
      </Row>
      {review && <ReviewDialog reportId={r.id} projectName={r.projectName} action={review} onClose={() => setReview(null)} />}
    </div>
  );
}

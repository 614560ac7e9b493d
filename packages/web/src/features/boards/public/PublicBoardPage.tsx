/** One published board (/public/boards/:id): grades, projects, units, versions and corrections. No sign-in. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiRequestError, errorMessage } from '../../../app/api.ts';
import { useLocale } from '../../../app/LocaleProvider.tsx';
import { percentText } from '../../../shared/figures.tsx';
import { periodText } from '../../../shared/periods.ts';
import { Distribution } from '../Distribution.tsx';
import { EntriesTable } from '../EntriesTable.tsx';
import { usePublicBoard } from '../hooks.ts';
import { UNIT_GROUPS, type UnitGroup } from '../types.ts';
import { UnitsTable } from '../UnitsTable.tsx';
import { PublicLayout } from './PublicLayout.tsx';

export default function PublicBoardPage() {
  const { id } = useParams();
  const { t } = useTranslation(['boards', 'common']);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const groupBy: UnitGroup = UNIT_GROUPS.find((g) => g === sp.get('groupBy')) ?? 'region';
  const tab = sp.get('tab') === 'units' ? 'units' : 'projects';
  const set = (patch: Record<string, string>) => setSp({ ...Object.fromEntries(sp), ...patch }, { replace: true });
  const data = usePublicBoard(id);

  if (data.isPending) {
    return (
      <PublicLayout>
        <Spin />
      </PublicLayout>
    );
  }
  if (data.isError) {
    const missing = data.error instanceof ApiRequestError && [400, 404].includes(data.error.status);
    return (
      <PublicLayout>
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? t('public.notFound') : t('common:errors.loadFailed')}
          subTitle={missing ? undefined : errorMessage(data.error)}
          extra={
            <Link to="/public/boards">
              <Button>{t('public.back')}</Button>
            </Link>
          }
        />
      </PublicLayout>
    );
  }
  const { board, versions, distribution, entries } = data.data;
  const newest = Math.max(...versions.map((v) => v.version));

  return (
    <PublicLayout>
      <Card style={{ marginBottom: 12 }} data-testid="public-board">
        <Link to="/public/boards">
          <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
            {t('public.back')}
          </Button>
        </Link>
        <Typography.Title level={3} style={{ margin: '4px 0' }}>
          {t('publicTitle')}
        </Typography.Title>
        <Space wrap size={[8, 4]} style={{ marginBottom: 12 }}>
          <Tag color="blue" data-testid="public-board-week">
            {periodText('week', board.weekStart, locale)}
          </Tag>
          <Tag color="geekblue">{t('timeProgress', { value: percentText(board.timeProgress, locale) })}</Tag>
          <Typography.Text type="secondary">{t('public.publishedAt', { time: dayjs(board.publishedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
          {versions.length > 1 && (
            <Select
              size="small"
              value={board.id}
              onChange={(v) => void navigate(`/public/boards/${v}`)}
              options={[...versions]
                .sort((a, b) => b.version - a.version)
                .map((v) => ({ value: v.id, label: `${t('public.versionN', { version: v.version })}${v.version === newest ? `（${t('public.latest')}）` : ''}` }))}
              style={{ minWidth: 140 }}
              aria-label={t('public.version')}
              data-testid="version-select"
            />
          )}
        </Space>
        {board.changeNote && (
          <Alert
            type={board.version > 1 ? 'warning' : 'info'}
            showIcon
            title={board.version > 1 ? t('public.correction', { version: board.version, note: board.changeNote }) : t('public.note', { note: board.changeNote })}
            description={board.changes.length ? board.changes.map((c) => `${c.projectName}：${c.what}`).join('；') : undefined}
            style={{ marginBottom: 12 }}
            data-testid="correction-note"
          />
        )}
        <Distribution value={distribution} />
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k })}
          items={[
            { key: 'projects', label: t('public.projects'), children: <EntriesTable entries={entries} /> },
            { key: 'units', label: t('public.units'), children: <UnitsTable boardId={board.id} groupBy={groupBy} onGroupBy={(g) => set({ groupBy: g })} /> },
          ]}
        />
      </Card>
    </PublicLayout>
  );
}

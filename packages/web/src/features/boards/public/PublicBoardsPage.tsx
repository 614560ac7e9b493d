/** 周晒榜公示 (/public/boards): every published week, newest first. No sign-in. */
import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../app/api.ts';
import { useLocale } from '../../../app/LocaleProvider.tsx';
import { percentText } from '../../../shared/figures.tsx';
import { periodText } from '../../../shared/periods.ts';
import { usePublishedBoards } from '../hooks.ts';
import { groupByWeek } from '../weeks.ts';
import { PublicLayout } from './PublicLayout.tsx';

export default function PublicBoardsPage() {
  const { t } = useTranslation(['boards', 'common']);
  const { locale } = useLocale();
  const boards = usePublishedBoards();
  const weeks = groupByWeek(boards.data ?? []);
  return (
    <PublicLayout>
      <Card style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('publicTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('public.subtitle')}</Typography.Text>
      </Card>
      {boards.isError && <Alert type="error" showIcon title={errorMessage(boards.error)} />}
      <Card size="small" title={t('public.boards')}>
        <List
          loading={boards.isPending}
          dataSource={weeks}
          locale={{ emptyText: <Empty description={t('list.empty')} /> }}
          data-testid="public-board-list"
          renderItem={({ latest, versions }) => (
            <List.Item key={latest.weekStart} extra={<RightOutlined className="pacer-muted" />}>
              <List.Item.Meta
                title={
                  <Link to={`/public/boards/${latest.id}`} data-testid="public-board-link">
                    {periodText('week', latest.weekStart, locale)}
                  </Link>
                }
                description={
                  <Space wrap size={4}>
                    <Tag color="geekblue">{t('timeProgress', { value: percentText(latest.timeProgress, locale) })}</Tag>
                    {versions.length > 1 && <Tag color="orange">{t('public.versionN', { version: latest.version })}</Tag>}
                    <span>{t('public.publishedAt', { time: dayjs(latest.publishedAt).format('YYYY-MM-DD HH:mm') })}</span>
                    {latest.changeNote && <span>· {latest.changeNote}</span>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </PublicLayout>
  );
}

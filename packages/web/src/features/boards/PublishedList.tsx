/** 已发布: every published board, newest week first, with its versions and what each correction changed. */
import { Alert, Button, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { periodText } from '../../shared/periods.ts';
import { usePublishedBoards } from './hooks.ts';
import { groupByWeek } from './weeks.ts';

export function PublishedList({ onOpenWeek }: { onOpenWeek: (week: string) => void }) {
  const { t } = useTranslation('boards');
  const { locale } = useLocale();
  const boards = usePublishedBoards();
  if (boards.isError) return <Alert type="error" showIcon title={errorMessage(boards.error)} />;
  const weeks = groupByWeek(boards.data ?? []);
  return (
    <List
      loading={boards.isPending}
      dataSource={weeks}
      locale={{ emptyText: <Empty description={t('list.empty')} /> }}
      data-testid="published-list"
      renderItem={({ latest, versions }) => (
        <List.Item
          key={latest.weekStart}
          actions={[
            <Button key="open" size="small" onClick={() => onOpenWeek(latest.weekStart)}>
              {t('list.open')}
            </Button>,
            <Link key="public" to={`/public/boards/${latest.id}`} target="_blank">
              {t('list.openPublic')}
            </Link>,
            <ExportButton key="export" size="small" path={`/api/exports/boards/${latest.id}`} fileName="board.xlsx" testId="export-published-board" />,
          ]}
        >
          <List.Item.Meta
            title={
              <Space wrap size={4}>
                <span>{periodText('week', latest.weekStart, locale)}</span>
                <Tag color="blue">{t('public.versionN', { version: latest.version })}</Tag>
                {versions.length > 1 && <Tag>{t('list.versions', { count: versions.length })}</Tag>}
              </Space>
            }
            description={
              <div>
                {versions.map((v) => (
                  <div key={v.id} style={{ fontSize: 13 }}>
                    <Typography.Text type="secondary">
                      {t('public.versionN', { version: v.version })} · {dayjs(v.publishedAt).format('YYYY-MM-DD HH:mm')} · {v.changeNote ?? t('list.original')}
                    </Typography.Text>
                    {v.changes.length > 0 && (
                      <Typography.Text type="secondary" style={{ display: 'block', paddingInlineStart: 12 }}>
                        {v.changes.map((c) => `${c.projectName}：${c.what}`).join('；')}
                      </Typography.Text>
                    )}
                  </div>
                ))}
              </div>
            }
          />
        </List.Item>
      )}
    />
  );
}

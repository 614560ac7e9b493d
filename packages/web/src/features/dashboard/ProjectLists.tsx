/** Top ten, bottom ten and lagging projects; a click opens the project. */
import { Card, Col, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { GapPoints, Percent } from '../../shared/figures.tsx';
import type { ProjectFigure } from './types.ts';

function ProjectTable({ title, rows, testId }: { title: string; rows: readonly ProjectFigure[]; testId: string }) {
  const { t } = useTranslation('dashboard');
  const navigate = useNavigate();
  return (
    <Card size="small" title={title} style={{ height: '100%' }} data-testid={testId}>
      <Table<ProjectFigure>
        rowKey="id"
        size="small"
        className="pacer-clickable-rows"
        dataSource={[...rows]}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        onRow={(p) => ({ onClick: () => void navigate(`/projects/${p.id}`) })}
        tableLayout="fixed"
        columns={[
          { key: 'name', title: t('lists.project'), dataIndex: 'name', ellipsis: true, render: (v: string) => <span data-testid="list-project">{v}</span> },
          { key: 'region', title: t('lists.region'), dataIndex: 'regionName', width: 64, ellipsis: true },
          { key: 'completion', title: t('lists.completion'), dataIndex: 'completionRate', width: 84, align: 'right', render: (v: number | null) => <Percent value={v} /> },
          { key: 'gap', title: t('lists.gap'), dataIndex: 'gapPoints', width: 72, align: 'right', render: (v: number | null) => <GapPoints value={v} /> },
        ]}
      />
    </Card>
  );
}

export function ProjectLists({ top, bottom, lagging }: { top: ProjectFigure[]; bottom: ProjectFigure[]; lagging: ProjectFigure[] }) {
  const { t } = useTranslation('dashboard');
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={8}>
        <ProjectTable title={t('lists.top')} rows={top} testId="list-top" />
      </Col>
      <Col xs={24} xl={8}>
        <ProjectTable title={t('lists.bottom')} rows={bottom} testId="list-bottom" />
      </Col>
      <Col xs={24} xl={8}>
        <ProjectTable title={`${t('lists.lagging')} ${lagging.length}`} rows={lagging} testId="list-lagging" />
      </Col>
    </Row>
  );
}

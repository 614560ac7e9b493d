/** 议程: the items proposed from the data, which the office removes, reorders and adds to. */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AGENDA_SECTIONS, type AgendaSection } from '@pacer/domain';
import { Alert, Button, Empty, Form, Input, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { addItem, moveItem, removeItem } from './agenda.ts';
import { ProjectPicker } from './ProjectPicker.tsx';
import { SectionTag } from './tags.tsx';
import type { AgendaRow } from './types.ts';

interface Props {
  rows: AgendaRow[];
  editable: boolean;
  onChange: (rows: AgendaRow[]) => void;
}

export function AgendaEditor({ rows, editable, onChange }: Props) {
  const { t } = useTranslation('meetings');
  const [adding, setAdding] = useState(false);
  return (
    <div data-testid="agenda">
      {editable && rows.length > 0 && <Alert type="info" showIcon title={t('agenda.fromData')} style={{ marginBottom: 8 }} />}
      <List
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('agenda.empty')} /> }}
        renderItem={(row, i) => (
          <List.Item
            data-testid="agenda-item"
            data-section={row.section}
            actions={
              editable
                ? [
                    <Button key="up" size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('agenda.moveUp')} title={t('agenda.moveUp')} disabled={i === 0} onClick={() => onChange(moveItem(rows, row.key, -1))} data-testid="agenda-up" />,
                    <Button key="down" size="small" type="text" icon={<ArrowDownOutlined />} aria-label={t('agenda.moveDown')} title={t('agenda.moveDown')} disabled={i === rows.length - 1} onClick={() => onChange(moveItem(rows, row.key, 1))} data-testid="agenda-down" />,
                    <Button key="remove" size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('agenda.remove')} title={t('agenda.remove')} onClick={() => onChange(removeItem(rows, row.key))} data-testid="agenda-remove" />,
                  ]
                : undefined
            }
            style={{ flexWrap: 'wrap', rowGap: 4 }}
          >
            <List.Item.Meta
              avatar={<Typography.Text type="secondary">{i + 1}.</Typography.Text>}
              title={
                <Space wrap size={4}>
                  <SectionTag section={row.section} />
                  <ItemTitle row={row} />
                </Space>
              }
              description={row.note || undefined}
            />
          </List.Item>
        )}
      />
      {editable &&
        (adding ? (
          <AddItemForm
            onAdd={(item) => {
              onChange(addItem(rows, item));
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginTop: 8 }} data-testid="agenda-add">
            {t('agenda.add')}
          </Button>
        ))}
    </div>
  );
}

/** A project's item opens the project, an overdue problem's opens the problem. */
function ItemTitle({ row }: { row: AgendaRow }) {
  if (row.problemId) return <Link to={`/problems/${row.problemId}`}>{row.title}</Link>;
  if (row.projectId) return <Link to={`/projects/${row.projectId}`}>{row.title}</Link>;
  return <span>{row.title}</span>;
}

interface NewItem {
  section: AgendaSection;
  title: string;
  note: string;
  projectId: string | null;
  projectName: string | null;
}

function AddItemForm({ onAdd, onCancel }: { onAdd: (item: NewItem) => void; onCancel: () => void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const [form] = Form.useForm<NewItem>();
  const [projectName, setProjectName] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    onAdd({ ...v, note: v.note ?? '', projectId: v.projectId ?? null, projectName });
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ section: 'other', note: '' }} style={{ marginTop: 12, maxWidth: 640 }} data-testid="agenda-add-form">
      <Form.Item name="section" label={t('agenda.section')}>
        <Select options={AGENDA_SECTIONS.map((s) => ({ value: s, label: t(`sections.${s}`) }))} data-testid="agenda-add-section" />
      </Form.Item>
      <Form.Item name="title" label={t('agenda.itemTitle')} rules={[{ required: true, whitespace: true, message: t('agenda.titleRequired') }]}>
        <Input maxLength={200} data-testid="agenda-add-title" />
      </Form.Item>
      <Form.Item name="note" label={t('agenda.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="agenda-add-note" />
      </Form.Item>
      <Form.Item name="projectId" label={t('agenda.project')}>
        <ProjectPicker onChange={(_, name) => setProjectName(name)} testId="agenda-add-project" />
      </Form.Item>
      <Space>
        <Button type="primary" onClick={() => void submit()} data-testid="agenda-add-ok">
          {t('agenda.addOk')}
        </Button>
        <Button onClick={onCancel}>{t('common:actions.cancel')}</Button>
      </Space>
    </Form>
  );
}

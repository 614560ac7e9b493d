/** Column choice for the project list, remembered per browser. */
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readStoredJson, writeStored } from '../../shared/storage.ts';
import { COLUMN_KEYS, columnTitle, DEFAULT_COLUMNS, FIXED_COLUMNS, type ColumnKey } from './projectColumns.tsx';

const STORAGE_KEY = 'pacer.projects.columns';

const isColumnList = (v: unknown): v is ColumnKey[] => Array.isArray(v) && v.every((k) => COLUMN_KEYS.includes(k as ColumnKey));

export function useVisibleColumns(): [readonly ColumnKey[], (keys: readonly ColumnKey[]) => void] {
  const [visible, setVisible] = useState<readonly ColumnKey[]>(() => readStoredJson(STORAGE_KEY, isColumnList) ?? DEFAULT_COLUMNS);
  const update = (keys: readonly ColumnKey[]) => {
    // Kept in table order, whatever order the boxes were ticked in.
    const ordered = COLUMN_KEYS.filter((k) => keys.includes(k) || FIXED_COLUMNS.includes(k));
    writeStored(STORAGE_KEY, JSON.stringify(ordered));
    setVisible(ordered);
  };
  return [visible, update];
}

export function ColumnSettings({ visible, onChange, year }: { visible: readonly ColumnKey[]; onChange: (keys: readonly ColumnKey[]) => void; year: number }) {
  const { t } = useTranslation(['projects', 'common']);
  const content = (
    <div data-testid="column-settings">
      <Checkbox.Group value={[...visible]} onChange={(keys) => onChange(keys as ColumnKey[])}>
        <Space orientation="vertical" size={4}>
          {COLUMN_KEYS.map((key) => (
            <Checkbox key={key} value={key} disabled={FIXED_COLUMNS.includes(key)}>
              {columnTitle(key, t, year)}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      <div style={{ marginTop: 8, textAlign: 'right' }}>
        <Button size="small" type="link" onClick={() => onChange(DEFAULT_COLUMNS)}>
          {t('common:actions.reset')}
        </Button>
      </div>
    </div>
  );
  return (
    <Popover content={content} title={t('list.columns')} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined />} aria-label={t('list.columns')} data-testid="column-settings-button" />
    </Popover>
  );
}

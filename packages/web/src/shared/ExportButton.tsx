/**
 * 导出Excel: downloads what a table shows as the office prints it, through the exports API
 * with the filters on screen. The server's refusal is shown in its words.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, type QueryParams } from '../app/api.ts';
import { downloadFile } from '../features/bulletins/download.ts';

interface Props {
  path: string;
  params?: QueryParams;
  /** Used when the server names no file. */
  fileName: string;
  testId: string;
  disabled?: boolean;
  /** Why it is disabled. */
  hint?: 'needsPublished';
  size?: 'small' | 'middle';
}

export function ExportButton({ path, params = {}, fileName, testId, disabled, hint, size }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(path, params, fileName);
    } catch (error) {
      void message.error(`${t('export.failed')}：${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <Button icon={<FileExcelOutlined />} size={size} loading={busy} disabled={disabled} onClick={() => void run()} data-testid={testId}>
      {t('export.button')}
    </Button>
  );
  return disabled && hint ? <Tooltip title={t(`export.${hint}`)}>{button}</Tooltip> : button;
}

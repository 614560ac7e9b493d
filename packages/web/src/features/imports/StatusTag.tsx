/** An import's status as a coloured tag. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from './types.ts';

const COLOURS: Record<ImportStatus, string> = {
  analysing: 'processing',
  mapping: 'warning',
  previewing: 'processing',
  previewed: 'blue',
  committing: 'processing',
  committed: 'success',
  rolling_back: 'processing',
  rolled_back: 'default',
  failed: 'error',
  discarded: 'default',
};

export function StatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation('imports');
  return (
    <Tag color={COLOURS[status]} data-testid="import-status">
      {t(`statuses.${status}`)}
    </Tag>
  );
}

/**
 * The checks on a report, most serious first: errors (red) stop submission, warnings
 * (orange) need the reviewer's note, flags (blue) draw attention. The messages are the
 * server's own Chinese sentences, which already say what to do.
 */
import type { ReportFinding } from '@pacer/domain';
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';

const ORDER: ReportFinding['level'][] = ['error', 'warning', 'flag'];
const TYPE = { error: 'error', warning: 'warning', flag: 'info' } as const;

export function Findings({ findings, showNone = false }: { findings: readonly ReportFinding[]; showNone?: boolean }) {
  const { t } = useTranslation('reports');
  if (!findings.length) {
    return showNone ? <Alert type="success" showIcon title={t('fill.findingsNone')} data-testid="findings-none" /> : null;
  }
  const sorted = [...findings].sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="findings">
      {sorted.map((f, i) => (
        <Alert
          key={`${f.code}-${i}`}
          type={TYPE[f.level]}
          showIcon
          title={
            <span>
              <strong>{t(`levels.${f.level}`)}</strong>　{f.message}
            </span>
          }
          data-testid={`finding-${f.level}`}
          data-code={f.code}
        />
      ))}
    </Space>
  );
}

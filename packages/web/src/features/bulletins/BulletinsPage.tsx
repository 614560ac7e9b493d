/** 通报 (/bulletins?kind&date): pick the period, read or print the bulletin, download it as Word or Excel. */
import { FileExcelOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../app/api.ts';
import { isIsoDate, startOf, todayInBeijing } from '../../shared/periods.ts';
import { PeriodPicker } from '../../shared/PeriodPicker.tsx';
import { BulletinView } from './BulletinView.tsx';
import { downloadFile } from './download.ts';
import { BULLETIN_KINDS, type Bulletin, type BulletinKind } from './types.ts';

export default function BulletinsPage() {
  const { t } = useTranslation(['bulletins', 'common']);
  const { message } = App.useApp();
  const today = todayInBeijing();
  const [sp, setSp] = useSearchParams();
  const kind: BulletinKind = BULLETIN_KINDS.find((k) => k === sp.get('kind')) ?? 'week';
  const dateParam = sp.get('date');
  const date = isIsoDate(dateParam) ? dateParam : today;
  const params = { kind, date };
  const bulletin = useQuery({ queryKey: ['bulletins', kind, date], queryFn: () => api.get<Bulletin>('/api/bulletins', params), placeholderData: keepPreviousData });
  const [downloading, setDownloading] = useState<'docx' | 'xlsx' | null>(null);

  const change = (next: { kind: BulletinKind; date: string }) => {
    const out = new URLSearchParams();
    if (next.kind !== 'week') out.set('kind', next.kind);
    if (startOf(next.kind, next.date) !== startOf(next.kind, today)) out.set('date', next.date);
    setSp(out);
  };

  const download = (format: 'docx' | 'xlsx') => {
    setDownloading(format);
    downloadFile(`/api/bulletins.${format}`, params, `bulletin.${format}`)
      .catch((error: unknown) => void message.error(`${t('downloadFailed')}：${errorMessage(error)}`))
      .finally(() => setDownloading(null));
  };

  return (
    <div data-testid="bulletins-page">
      <Card size="small" style={{ marginBottom: 12 }} className="pacer-no-print">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <PeriodPicker kind={kind} date={date} kinds={BULLETIN_KINDS} onChange={change} testId="bulletin-period-picker" />
          <div style={{ flex: 1 }} />
          <Space wrap>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!bulletin.data} data-testid="print-bulletin">
              {t('print')}
            </Button>
            <Button icon={<FileWordOutlined />} loading={downloading === 'docx'} disabled={downloading !== null} onClick={() => download('docx')} data-testid="download-docx">
              {t('downloadDocx')}
            </Button>
            <Button icon={<FileExcelOutlined />} loading={downloading === 'xlsx'} disabled={downloading !== null} onClick={() => download('xlsx')} data-testid="download-xlsx">
              {t('downloadXlsx')}
            </Button>
          </Space>
        </div>
      </Card>
      {bulletin.isError && <Alert type="error" showIcon title={errorMessage(bulletin.error)} style={{ marginBottom: 12 }} />}
      {bulletin.isPending && <Spin />}
      {bulletin.data && (
        <Spin spinning={bulletin.isFetching}>
          <BulletinView data={bulletin.data} />
        </Spin>
      )}
    </div>
  );
}

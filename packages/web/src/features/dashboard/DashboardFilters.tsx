/** Year, 截至 date, levels and categories; each change goes to the URL at once. */
import { PROJECT_CATEGORIES, PROJECT_LEVELS } from '@pacer/domain';
import { Button, Card, Col, DatePicker, Form, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { termOptions } from '../../shared/vocabulary.ts';
import type { DashboardFilters as Filters } from './dashboardQuery.ts';

const COL = { xs: 24, sm: 12, lg: 6 } as const;

export function DashboardFilters({ value, year, asOf, onChange }: { value: Filters; year: number; asOf: string; onChange: (f: Filters) => void }) {
  const { t } = useTranslation('dashboard');
  const { locale } = useLocale();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: String(y) }));
  const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, placeholder: t('filters.any') };
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="dashboard-filters">
      <Form layout="vertical">
        <Row gutter={16} align="bottom">
          <Col {...COL}>
            <Form.Item label={t('filters.year')} style={{ marginBottom: 8 }}>
              <Select value={year} options={years} onChange={(y) => onChange({ ...value, year: y, asOf: undefined })} data-testid="filter-year" />
            </Form.Item>
          </Col>
          <Col {...COL}>
            <Form.Item label={t('filters.asOf')} style={{ marginBottom: 8 }}>
              <DatePicker
                style={{ width: '100%' }}
                value={dayjs(asOf)}
                allowClear={false}
                inputReadOnly
                disabledDate={(d) => d.year() !== year}
                onChange={(d) => d && onChange({ ...value, year, asOf: d.format('YYYY-MM-DD') })}
                data-testid="filter-as-of"
              />
            </Form.Item>
          </Col>
          <Col {...COL}>
            <Form.Item label={t('filters.level')} style={{ marginBottom: 8 }}>
              <Select {...multi} value={value.level} options={termOptions(PROJECT_LEVELS, locale)} onChange={(level) => onChange({ ...value, level })} data-testid="filter-level" />
            </Form.Item>
          </Col>
          <Col {...COL}>
            <Form.Item label={t('filters.category')} style={{ marginBottom: 8 }}>
              <div style={{ display: 'flex', gap: 8 }}>
                <Select {...multi} value={value.category} options={termOptions(PROJECT_CATEGORIES, locale)} onChange={(category) => onChange({ ...value, category })} style={{ flex: 1, minWidth: 0 }} data-testid="filter-category" />
                <Button onClick={() => onChange({ level: [], category: [] })}>{t('filters.reset')}</Button>
              </div>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

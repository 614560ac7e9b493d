/**
 * The query form above the table (ProTable style): 查询 applies, 重置 clears,
 * the less-used filters fold away so the table stays in view on small screens.
 */
import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { COMPETITION_TRACKS, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES } from '@pacer/domain/vocabulary';
import { Button, Card, Col, Form, Input, Row, Select, Space, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/LocaleProvider.tsx';
import { personLabel, regionTree, useOrganisations, usePeople, useRegions } from '../../shared/reference.ts';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { termOptions } from '../../shared/vocabulary.ts';
import { countFilters, EMPTY_FILTERS, type ProjectFilters } from './listQuery.ts';

const COL = { xs: 24, sm: 12, lg: 8, xxl: 6 } as const;
/** Shown while folded: the filters offices use most; on a phone only the keyword, so the rows stay in view. */
const FOLDED_COUNT = 3;
const FOLDED_COUNT_NARROW = 1;

export function ProjectFilterForm({ value, onSearch }: { value: ProjectFilters; onSearch: (filters: ProjectFilters) => void }) {
  const { t } = useTranslation(['projects', 'common']);
  const { locale } = useLocale();
  const [form] = Form.useForm<ProjectFilters>();
  const narrow = useIsNarrow();
  const folded = narrow ? FOLDED_COUNT_NARROW : FOLDED_COUNT;
  // Open from the start when a shared link sets a folded filter, so nothing filters unseen.
  const [expanded, setExpanded] = useState(() => countFilters(narrow ? { ...value, q: '' } : { ...value, q: '', level: [], region: [] }) > 0);
  const regions = useRegions();
  const hqs = useOrganisations('hq');
  const people = usePeople();

  // The URL is the source of truth: back/forward and shared links refill the form.
  useEffect(() => {
    form.setFieldsValue({ ...EMPTY_FILTERS, year: undefined, ...value });
  }, [form, value]);

  const thisYear = new Date().getFullYear();
  const years = useMemo(() => Array.from({ length: 9 }, (_, i) => thisYear + 2 - i).map((y) => ({ value: y, label: String(y) })), [thisYear]);
  const any = t('list.any');
  const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, placeholder: any, showSearch: { optionFilterProp: 'label' } };

  const fields = [
    <Form.Item name="q" label={t('fields.keyword')} key="q">
      <Input allowClear placeholder={t('list.keywordPlaceholder')} data-testid="filter-q" />
    </Form.Item>,
    <Form.Item name="level" label={t('fields.levels')} key="level">
      <Select {...multi} options={termOptions(PROJECT_LEVELS, locale)} data-testid="filter-level" />
    </Form.Item>,
    <Form.Item name="region" label={t('fields.regionOrPark')} key="region">
      <TreeSelect
        multiple
        allowClear
        treeDefaultExpandAll
        maxTagCount="responsive"
        placeholder={any}
        treeData={regionTree(regions.data ?? [])}
        loading={regions.isPending}
        showSearch={{ treeNodeFilterProp: 'title' }}
        data-testid="filter-region"
      />
    </Form.Item>,
    <Form.Item name="category" label={t('fields.category')} key="category">
      <Select {...multi} options={termOptions(PROJECT_CATEGORIES, locale)} data-testid="filter-category" />
    </Form.Item>,
    <Form.Item name="status" label={t('fields.status')} key="status">
      <Select {...multi} options={termOptions(PROJECT_STATUSES, locale)} data-testid="filter-status" />
    </Form.Item>,
    <Form.Item name="track" label={t('fields.track')} key="track">
      <Select {...multi} options={termOptions(COMPETITION_TRACKS, locale)} data-testid="filter-track" />
    </Form.Item>,
    <Form.Item name="hq" label={t('fields.hq')} key="hq">
      <Select {...multi} loading={hqs.isPending} options={(hqs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} data-testid="filter-hq" />
    </Form.Item>,
    <Form.Item name="leader" label={t('fields.leader')} key="leader">
      <Select {...multi} loading={people.isPending} options={(people.data ?? []).map((p) => ({ value: p.id, label: personLabel(p) }))} data-testid="filter-leader" />
    </Form.Item>,
    <Form.Item name="year" label={t('fields.year')} key="year" tooltip={t('fields.annualPlan')}>
      <Select allowClear placeholder={String(thisYear)} options={years} data-testid="filter-year" />
    </Form.Item>,
  ];

  // The whole store, folded filters included (onFinish would pass only the mounted ones).
  const submit = () => {
    const values = form.getFieldsValue(true) as ProjectFilters;
    onSearch({ ...EMPTY_FILTERS, ...values, q: (values.q ?? '').trim() });
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form<ProjectFilters> form={form} name="filters" layout="vertical" onFinish={submit} data-testid="project-filters">
        <Row gutter={16}>
          {(expanded ? fields : fields.slice(0, folded)).map((field) => (
            <Col {...COL} key={field.key}>
              {field}
            </Col>
          ))}
        </Row>
        <Space wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button
            onClick={() => {
              form.setFieldsValue({ ...EMPTY_FILTERS, year: undefined });
              onSearch(EMPTY_FILTERS);
            }}
          >
            {t('common:actions.reset')}
          </Button>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="filter-submit">
            {t('common:actions.search')}
          </Button>
          <Button type="link" onClick={() => setExpanded(!expanded)} icon={expanded ? <UpOutlined /> : <DownOutlined />} iconPlacement="end" data-testid="filter-expand">
            {expanded ? t('common:actions.collapse') : t('common:actions.expand')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

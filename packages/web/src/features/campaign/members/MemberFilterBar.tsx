/** The filters above a campaign-project table: applied as they change (keyword on Enter). */
import { COMPETITION_TRACKS, PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES } from '@pacer/domain';
import { Button, Col, Input, Row, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/LocaleProvider.tsx';
import { regionTree, useRegions } from '../../../shared/reference.ts';
import { termOptions } from '../../../shared/vocabulary.ts';
import { countFilters, EMPTY_FILTERS, type MemberFilters } from './filters.ts';

const COL = { xs: 24, sm: 12, lg: 8 } as const;

export function MemberFilterBar({ value, onChange, testId }: { value: MemberFilters; onChange: (f: MemberFilters) => void; testId: string }) {
  const { t } = useTranslation('campaign');
  const { locale } = useLocale();
  const regions = useRegions();
  const any = t('members.filters.any');
  // Clearing the filters remounts the keyword box, which keeps its own text while typing.
  const [generation, setGeneration] = useState(0);
  const set = (patch: Partial<MemberFilters>) => onChange({ ...value, ...patch });
  const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, placeholder: any, style: { width: '100%' }, showSearch: { optionFilterProp: 'label' } };

  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }} data-testid={testId}>
      <Col {...COL}>
        <Input.Search
          key={generation}
          allowClear
          defaultValue={value.q}
          placeholder={t('members.filters.keywordPlaceholder')}
          aria-label={t('members.filters.keyword')}
          onSearch={(q) => set({ q })}
          data-testid={`${testId}-q`}
        />
      </Col>
      <Col {...COL}>
        <TreeSelect
          multiple
          allowClear
          treeDefaultExpandAll
          maxTagCount="responsive"
          placeholder={`${t('members.filters.region')}：${any}`}
          value={value.region}
          onChange={(region: string[]) => set({ region })}
          treeData={regionTree(regions.data ?? [])}
          showSearch={{ treeNodeFilterProp: 'title' }}
          style={{ width: '100%' }}
          aria-label={t('members.filters.region')}
        />
      </Col>
      <Col {...COL}>
        <Select {...multi} placeholder={`${t('members.filters.track')}：${any}`} value={value.track} onChange={(track: string[]) => set({ track })} options={[...termOptions(COMPETITION_TRACKS, locale), { value: 'none', label: t('members.noTrack') }]} aria-label={t('members.filters.track')} data-testid={`${testId}-track`} />
      </Col>
      <Col {...COL}>
        <Select {...multi} placeholder={`${t('members.filters.level')}：${any}`} value={value.level} onChange={(level: string[]) => set({ level })} options={termOptions(PROJECT_LEVELS, locale)} aria-label={t('members.filters.level')} />
      </Col>
      <Col {...COL}>
        <Select {...multi} placeholder={`${t('members.filters.category')}：${any}`} value={value.category} onChange={(category: string[]) => set({ category })} options={termOptions(PROJECT_CATEGORIES, locale)} aria-label={t('members.filters.category')} />
      </Col>
      <Col {...COL}>
        <div style={{ display: 'flex', gap: 8 }}>
          <Select {...multi} placeholder={`${t('members.filters.status')}：${any}`} value={value.status} onChange={(status: string[]) => set({ status })} options={termOptions(PROJECT_STATUSES, locale)} aria-label={t('members.filters.status')} />
          <Button
            onClick={() => {
              setGeneration((g) => g + 1);
              onChange(EMPTY_FILTERS);
            }}
            disabled={countFilters(value) === 0}>
            {t('members.filters.clear')}
          </Button>
        </div>
      </Col>
    </Row>
  );
}

/**
 * Filters above the problem list; each applies at once and goes into the URL. On a phone only
 * the keyword shows until "more filters" is opened, so the cards stay in view.
 */
import { FilterOutlined } from '@ant-design/icons';
import { PROBLEM_SEVERITIES, PROBLEM_STATES, PROBLEM_TYPES } from '@pacer/domain';
import { Badge, Button, Input, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionTree, useOrganisations, useRegions } from '../../shared/reference.ts';
import { useIsNarrow } from '../../shared/useMediaQuery.ts';
import { filterCount, LEVELS, type ProblemsState } from './listQuery.ts';
import { ProjectSelect } from './ProjectSelect.tsx';
import { HANDLER_KINDS } from './types.ts';

type Patch = Partial<Omit<ProblemsState, 'tab' | 'page' | 'pageSize'>>;

export function ProblemFilters({ value, onChange }: { value: ProblemsState; onChange: (patch: Patch) => void }) {
  const { t } = useTranslation('problems');
  const narrow = useIsNarrow();
  const [open, setOpen] = useState(() => filterCount({ ...value, q: '' }) > 0);
  const orgs = useOrganisations();
  const regions = useRegions();
  const width = narrow ? '100%' : 180;
  const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, style: { width } };
  const handlers = (orgs.data ?? []).filter((o) => HANDLER_KINDS.includes(o.kind)).map((o) => ({ value: o.id, label: o.name }));
  const count = filterCount({ ...value, q: '' });

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }} data-testid="problem-filters">
      <Input.Search key={value.q} allowClear defaultValue={value.q} placeholder={t('filters.keyword')} onSearch={(q) => onChange({ q: q.trim() })} style={{ width: narrow ? '100%' : 240 }} data-testid="filter-q" />
      {narrow && (
        <Button icon={<FilterOutlined />} onClick={() => setOpen(!open)} data-testid="more-filters">
          {t('filters.more')} <Badge count={count} size="small" />
        </Button>
      )}
      {(open || !narrow) && (
        <>
          <Select {...multi} placeholder={t('filters.type')} value={value.type} onChange={(type) => onChange({ type })} options={PROBLEM_TYPES.map((k) => ({ value: k, label: t(`types.${k}`) }))} data-testid="filter-type" />
          <Select {...multi} placeholder={t('filters.severity')} value={value.severity} onChange={(severity) => onChange({ severity })} options={PROBLEM_SEVERITIES.map((k) => ({ value: k, label: t(`severities.${k}`) }))} data-testid="filter-severity" />
          <Select {...multi} placeholder={t('filters.state')} value={value.state} onChange={(state) => onChange({ state })} options={PROBLEM_STATES.map((k) => ({ value: k, label: t(`states.${k}`) }))} data-testid="filter-state" />
          <Select {...multi} placeholder={t('filters.level')} value={value.level} onChange={(level) => onChange({ level })} options={LEVELS.map((k) => ({ value: k, label: t(`levels.l${k}`) }))} data-testid="filter-level" />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('filters.department')}
            value={value.orgId ?? undefined}
            onChange={(v: string | undefined) => onChange({ orgId: v ?? null })}
            options={handlers}
            loading={orgs.isPending}
            style={{ width: narrow ? '100%' : 200 }}
            data-testid="filter-department"
          />
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            placeholder={t('filters.region')}
            value={value.region ?? undefined}
            onChange={(v: string | undefined) => onChange({ region: v ?? null })}
            treeData={regionTree(regions.data ?? [])}
            showSearch={{ treeNodeFilterProp: 'title' }}
            style={{ width: narrow ? '100%' : 180 }}
            data-testid="filter-region"
          />
          <div style={{ width: narrow ? '100%' : 240 }}>
            <ProjectSelect value={value.projectId} onChange={(projectId) => onChange({ projectId })} placeholder={t('filters.project')} testId="filter-project" />
          </div>
          {count > 0 && (
            <Button type="link" onClick={() => onChange({ type: [], severity: [], state: [], level: [], orgId: null, region: null, projectId: null })}>
              {t('filters.clear')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

/**
 * Picks one project the user can see, searching the project library by name as they type;
 * a project chosen before (from a link) shows its name without searching.
 */
import type { ProjectPage } from '@pacer/domain';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { api } from '../../app/api.ts';
import { useProject } from '../projects/hooks.ts';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
}

export function ProjectSelect({ value, onChange, placeholder, disabled, testId }: Props) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const found = useQuery({
    queryKey: ['projects', 'list', { q, pageSize: 20, sort: 'name', purpose: 'select' }],
    queryFn: () => api.get<ProjectPage>('/api/projects', { q, pageSize: 20, sort: 'name', order: 'asc' }),
    staleTime: 60_000,
  });
  const chosen = useProject(value ?? undefined);
  const options = (found.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (value && chosen.data && !options.some((o) => o.value === value)) options.unshift({ value, label: chosen.data.name });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      loading={found.isFetching}
      placeholder={placeholder}
      disabled={disabled}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}

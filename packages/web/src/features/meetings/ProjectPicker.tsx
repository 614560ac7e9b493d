/** A project chosen by typing part of its name; the list comes from the API within the user's scope. */
import { Select } from 'antd';
import { useState } from 'react';
import { useProjectSearch } from './hooks.ts';

interface Props {
  value?: string | null;
  onChange?: (id: string | null, name: string | null) => void;
  placeholder?: string;
  exclude?: readonly string[];
  testId?: string;
}

export function ProjectPicker({ value, onChange, placeholder, exclude = [], testId }: Props) {
  const [q, setQ] = useState('');
  const search = useProjectSearch(q);
  const options = (search.data?.items ?? []).filter((p) => !exclude.includes(p.id)).map((p) => ({ value: p.id, label: p.name, title: p.name }));
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={placeholder}
      loading={search.isFetching}
      options={options}
      onChange={(id: string | undefined) => onChange?.(id ?? null, options.find((o) => o.value === id)?.label ?? null)}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

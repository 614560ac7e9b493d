/**
 * Reference lists every feature's forms and filters need: regions and parks, units,
 * people, industrial chains. They change rarely, so they are cached for the session.
 */
import type { ChainDto, OrgDto, OrgKind, PersonDto, RegionDto } from '@pacer/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api.ts';

const LONG = 10 * 60_000;

export const useRegions = () => useQuery({ queryKey: ['reference', 'regions'], queryFn: () => api.get<RegionDto[]>('/api/regions'), staleTime: LONG });

export const useOrganisations = (kind?: OrgKind) =>
  useQuery({
    queryKey: ['reference', 'organisations', kind ?? 'all'],
    queryFn: () => api.get<OrgDto[]>('/api/organisations', { kind }),
    staleTime: LONG,
  });

export const usePeople = () => useQuery({ queryKey: ['reference', 'people'], queryFn: () => api.get<PersonDto[]>('/api/people'), staleTime: LONG });

export const useChains = () => useQuery({ queryKey: ['reference', 'chains'], queryFn: () => api.get<ChainDto[]>('/api/chains'), staleTime: LONG });

export interface RegionNode {
  value: string;
  title: string;
  children?: RegionNode[];
}

/**
 * Regions as a tree for TreeSelect, province left out (the system serves one prefecture,
 * so the city is the natural root). Parks sit under the city beside counties and districts.
 */
export function regionTree(regions: readonly RegionDto[]): RegionNode[] {
  const shown = regions.filter((r) => r.kind !== 'province');
  const codes = new Set(shown.map((r) => r.code));
  const build = (parent: string | null): RegionNode[] =>
    shown
      .filter((r) => (parent === null ? r.parentCode === null || !codes.has(r.parentCode) : r.parentCode === parent))
      .map((r) => {
        const children = build(r.code);
        return children.length ? { value: r.code, title: r.name, children } : { value: r.code, title: r.name };
      });
  return build(null);
}

export const personLabel = (p: PersonDto) => (p.title ? `${p.name}（${p.title}）` : p.name);

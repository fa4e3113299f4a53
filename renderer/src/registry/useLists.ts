import { useMemo } from 'react';
import type { ApiError, Area, CallOutput, VocabularyItem, VocabularyKind } from '../../../shared/contract';
import { useApiQuery } from '../api';

interface ListState {
  isPending: boolean;
  error: ApiError | undefined;
  refetch: () => void;
}

export interface VocabularyList extends ListState {
  /** Active items, in their order: what a form offers. */
  items: VocabularyItem[];
  /** Every item, deactivated ones too: to show the label of an old value. */
  all: VocabularyItem[];
  /** The label of any item of the list, "—" when unknown. */
  labelOf: (id: number) => string;
}

const byPosition = (a: VocabularyItem, b: VocabularyItem) =>
  a.position - b.position || a.label.localeCompare(b.label, 'it');

/** The editable list of one kind (tipi di intervento, temi, fragilità…). */
export function useVocabulary(kind: VocabularyKind): VocabularyList {
  const query = useApiQuery('vocabulary.list', {});
  const items = query.value?.items;
  const lists = useMemo(() => {
    const all = (items ?? []).filter((item) => item.kind === kind).sort(byPosition);
    const labels = new Map(all.map((item) => [item.id, item.label]));
    return {
      items: all.filter((item) => item.active),
      all,
      labelOf: (id: number) => labels.get(id) ?? '—',
    };
  }, [items, kind]);
  return { ...lists, isPending: query.isPending, error: query.error, refetch: query.refetch };
}

export type BuildingOption = CallOutput<'buildings.options'>['buildings'][number];

export interface BuildingOptions extends ListState {
  /** Active buildings the operator may see. */
  buildings: BuildingOption[];
}

export function useBuildingOptions(): BuildingOptions {
  const query = useApiQuery('buildings.options', {});
  return {
    buildings: query.value?.buildings ?? [],
    isPending: query.isPending,
    error: query.error,
    refetch: query.refetch,
  };
}

export type DirectoryEntry = CallOutput<'operators.directory'>['operators'][number];

export interface Directory extends ListState {
  /** Active operators, by name: whom one can assign. */
  operators: DirectoryEntry[];
  /** Everyone, deactivated too. */
  all: DirectoryEntry[];
  nameOf: (id: number) => string;
}

export function useDirectory(): Directory {
  const query = useApiQuery('operators.directory', {});
  const list = query.value?.operators;
  const lists = useMemo(() => {
    const all = [...(list ?? [])].sort((a, b) => a.fullName.localeCompare(b.fullName, 'it'));
    const names = new Map(all.map((entry) => [entry.id, entry.fullName]));
    return {
      operators: all.filter((entry) => entry.active),
      all,
      nameOf: (id: number) => names.get(id) ?? '—',
    };
  }, [list]);
  return { ...lists, isPending: query.isPending, error: query.error, refetch: query.refetch };
}

export interface Areas extends ListState {
  /** Active areas, by name. */
  areas: Area[];
  /** Every area, deactivated too. */
  all: Area[];
}

export function useAreas(): Areas {
  const query = useApiQuery('areas.list', {});
  const list = query.value?.areas;
  const lists = useMemo(() => {
    const all = [...(list ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'it'));
    return { areas: all.filter((area) => area.active), all };
  }, [list]);
  return { ...lists, isPending: query.isPending, error: query.error, refetch: query.refetch };
}

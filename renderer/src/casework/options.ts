import type { SelectOption } from '../forms/FormSelect';
import type { Directory, VocabularyList } from '../registry/useLists';

/**
 * What a form offers from an editable list: the active values, plus any
 * deactivated value the record already holds (shown, not choosable again).
 */
export function vocabularyOptions(
  list: VocabularyList,
  current: readonly number[] = [],
): SelectOption<number>[] {
  return list.all
    .filter((item) => item.active || current.includes(item.id))
    .map((item) => ({ value: item.id, label: item.label, disabled: !item.active }));
}

/** Active operators to assign, plus the one already assigned if deactivated since. */
export function operatorOptions(directory: Directory, current: number | null = null): SelectOption<number>[] {
  return directory.all
    .filter((entry) => entry.active || entry.id === current)
    .map((entry) => ({ value: entry.id, label: entry.fullName, disabled: !entry.active }));
}

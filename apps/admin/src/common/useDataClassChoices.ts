import { useGetList } from 'react-admin';

/**
 * Data classes as choices keyed by `key` (rules, incidents and detectors store keys, not ids), named
 * by their names only: the key stays findable by typing it (matchNameOrKey).
 */
export function useDataClassChoices() {
  const { data } = useGetList('data-classes', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'key', order: 'ASC' } });
  return (data ?? []).map((d) => ({ id: d.key as string, name: d.name as string }));
}

/** For AutocompleteInput's matchSuggestion: what was typed found in the choice's name or its id (a key, a slug). */
export function matchNameOrKey(filter: string, choice: { id?: unknown; name?: unknown }): boolean {
  const f = filter.trim().toLowerCase();
  return !f || String(choice.name ?? '').toLowerCase().includes(f) || String(choice.id ?? '').toLowerCase().includes(f);
}

import { useGetList } from 'react-admin';

/** Data classes as choices keyed by `key` (rules, incidents and detectors store keys, not ids). */
export function useDataClassChoices() {
  const { data } = useGetList('data-classes', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'key', order: 'ASC' } });
  return (data ?? []).map((d) => ({ id: d.key as string, name: `${d.name} (${d.key})` }));
}

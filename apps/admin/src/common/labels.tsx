import { useGetList, useTranslate } from 'react-admin';
import { usePermission } from './hooks';

/**
 * The one place a data class key becomes words: the organization's own name for it (Data classes
 * page), else the built-in wording (airlock.portal.dataClass), else the key with its underscores as
 * spaces. Lists, the simulator and the detectors use it, so `client_information` never reaches a reader.
 */
export function useDataClassLabel(): (key: string) => string {
  const t = useTranslate();
  // employees cannot read the data classes: they get the built-in wording
  const canRead = usePermission('dataClasses.read');
  const { data } = useGetList('data-classes', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'key', order: 'ASC' } }, { enabled: canRead });
  const names = new Map((data ?? []).map((d) => [d.key as string, d.name as string]));
  return (key) => names.get(key) ?? t(`airlock.portal.dataClass.${key}`, { _: humanize(key) });
}

/** `client_information` → "Client information", `opt-out` → "Opt out": the last resort for an unknown key. */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

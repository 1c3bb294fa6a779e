import { useGetList, useTranslate } from 'react-admin';
import { ACCOUNT_TYPE_CONDITIONS, ACTIONS, CHANNELS, PROVIDER_STATUS_CONDITIONS, TRAINS_ON_INPUTS } from '@airlock/contracts/constants';
import type { ConditionListKey } from '@airlock/contracts/rule-conditions';
import { inSentence, type ValueLabel } from '@airlock/contracts/rule-sentence';
import { COUNTRY_CODES, useCountryName } from '../common/countries';

const ALL = { pagination: { page: 1, perPage: 1000 } };

/** Choices for the pickers, fed from the catalog, zones, groups and data classes (the simulator uses them too). */
export function useConditionChoices() {
  const providers = useGetList('providers', { ...ALL, sort: { field: 'name', order: 'ASC' } });
  const zones = useGetList('zones', { ...ALL, sort: { field: 'name', order: 'ASC' } });
  const groups = useGetList('groups', { ...ALL, sort: { field: 'name', order: 'ASC' } });
  const dataClasses = useGetList('data-classes', { ...ALL, sort: { field: 'key', order: 'ASC' } });
  return {
    providers: (providers.data ?? []).map((p) => ({ id: p.slug as string, name: p.name as string })),
    zones: (zones.data ?? []).map((z) => ({ id: z.name as string, name: z.name as string })),
    groups: (groups.data ?? []).map((g) => ({ id: g.name as string, name: g.name as string })),
    dataClasses: (dataClasses.data ?? []).map((d) => ({ id: d.key as string, name: d.name as string })),
    /** What the rule editor reads: names without keys, and whether a data class is built in. */
    raw: { providers: providers.data ?? [], dataClasses: dataClasses.data ?? [] },
  };
}

export type ConditionChoices = ReturnType<typeof useConditionChoices>;

/** One value a picker offers: what is stored (found by typing it too, not shown), the name people read, and a detail (a country code). */
export interface ValueChoice {
  id: string;
  name: string;
  detail?: string;
}

const ENUMS: Partial<Record<ConditionListKey, { values: readonly string[]; prefix: string }>> = {
  providerStatus: { values: PROVIDER_STATUS_CONDITIONS, prefix: 'airlock.providerStatus' },
  actions: { values: ACTIONS, prefix: 'airlock.action' },
  channels: { values: CHANNELS, prefix: 'airlock.channel' },
  accountTypes: { values: ACCOUNT_TYPE_CONDITIONS, prefix: 'airlock.accountType' },
  trainsOnInputs: { values: TRAINS_ON_INPUTS, prefix: 'airlock.trains' },
};

/**
 * The rule editor's pickers and words: for each list condition the values to pick from (names
 * people read; a slug or key is found by typing it, not shown), and the label the rule's sentence uses for a value
 * (service and data class names, country names; none of them a slug).
 */
export function useRuleVocabulary(): { choicesFor: (key: ConditionListKey) => ValueChoice[]; label: ValueLabel } {
  const t = useTranslate();
  const options = useConditionChoices();
  const country = useCountryName();
  const services = options.raw.providers.map((p) => ({ id: p.slug as string, name: p.name as string }));
  const classes = options.raw.dataClasses.map((d) => ({ id: d.key as string, name: d.name as string, builtin: Boolean(d.builtin) }));
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const className = new Map(classes.map((c) => [c.id, c.builtin ? inSentence(c.name) : c.name]));
  const choicesFor = (key: ConditionListKey): ValueChoice[] => {
    const e = ENUMS[key];
    if (e) return e.values.map((id) => ({ id, name: t(`${e.prefix}.${id}`, { _: id }) }));
    if (key === 'providers') return services;
    if (key === 'dataClasses') return classes;
    if (key === 'groups') return options.groups;
    if (key === 'networkZones') return options.zones;
    if (key === 'dataCountries' || key === 'hqCountries') return COUNTRY_CODES.map((id) => ({ id, name: country(id), detail: id }));
    return [];
  };
  const label: ValueLabel = (key, value) => {
    if (key === 'providers') return serviceName.get(value);
    if (key === 'dataClasses') return className.get(value);
    if (key === 'dataCountries' || key === 'hqCountries') return country(value);
    return undefined;
  };
  return { choicesFor, label };
}

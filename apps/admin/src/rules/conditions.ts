/** Condition keys of a rule (libs/contracts conditions), in the order the editor shows them. */
export const LIST_KEYS = [
  'providers',
  'providerStatus',
  'dataClasses',
  'actions',
  'channels',
  'accountTypes',
  'networkZones',
  'groups',
  'dataCountries',
  'hqCountries',
  'trainsOnInputs',
] as const;
export const BOOLEAN_KEYS = ['restrictedJurisdiction', 'unknownAiDestination', 'zeroRetentionOffer'] as const;

export type Conditions = Partial<Record<(typeof LIST_KEYS)[number], string[]> & Record<(typeof BOOLEAN_KEYS)[number], boolean>>;

/** Drops unset conditions (empty lists, "any" booleans): an empty list would mean the same as unset. */
export function cleanConditions(raw: unknown): Conditions {
  const out: Record<string, unknown> = {};
  if (!raw || typeof raw !== 'object') return out;
  const c = raw as Record<string, unknown>;
  for (const k of LIST_KEYS) {
    const v = c[k];
    if (Array.isArray(v) && v.length > 0) out[k] = v;
  }
  for (const k of BOOLEAN_KEYS) {
    const v = c[k];
    if (typeof v === 'boolean') out[k] = v;
  }
  return out as Conditions;
}

export function transformRule(data: Record<string, unknown>) {
  const exceptions = Array.isArray(data.exceptions) ? data.exceptions.map(cleanConditions).filter((e) => Object.keys(e).length > 0) : [];
  const out: Record<string, unknown> = {
    ...data,
    conditions: cleanConditions(data.conditions),
    exceptions,
    guidanceUrl: data.guidanceUrl ? data.guidanceUrl : null,
    description: data.description ? data.description : null,
  };
  for (const k of ['id', 'createdAt', 'updatedAt']) delete out[k];
  return out;
}

import { CONDITION_LIST_KEYS, type ConditionBooleanKey, type ConditionListKey, type ConditionsShape } from './rule-conditions';

/**
 * A rule in one plain sentence: "Block when the data is health data and the service is not
 * approved, unless the person is in legal". Pure and zod-free: the console writes it live in the
 * rule editor and the rule list (`@airlock/contracts/rule-sentence`), the API in the publish diff's
 * summary. Names come from the caller (`label`): services, data classes, groups, zones and
 * countries as people read them; the values of the fixed lists (statuses, actions, channels,
 * account types, training) have words here.
 */

/** The name people read for a value of a list condition, or undefined for the builder's own word (else the value). */
export type ValueLabel = (key: ConditionListKey, value: string) => string | undefined;

export interface RuleSentenceInput {
  effect: string;
  /** The draft's `conditions` (the engine's `when`). */
  conditions?: ConditionsShape | null;
  /** The draft's `exceptions` (the engine's `unless`). */
  exceptions?: readonly (ConditionsShape | null | undefined)[] | null;
}

/** How a list condition is said: "<subject> <verb> X or Y", "<subject> <negated verb> X", "<subject> <verb> neither X nor Y". */
interface Phrase {
  subject: string;
  verb: string;
  negated: string;
}

const PHRASES: Record<ConditionListKey, Phrase> = {
  dataClasses: { subject: 'the data', verb: 'is', negated: 'is not' },
  actions: { subject: 'the action', verb: 'is', negated: 'is not' },
  providers: { subject: 'the service', verb: 'is', negated: 'is not' },
  providerStatus: { subject: 'the service', verb: 'is', negated: 'is not' },
  dataCountries: { subject: 'the service', verb: 'stores data in', negated: 'does not store data in' },
  hqCountries: { subject: 'the service', verb: 'is headquartered in', negated: 'is not headquartered in' },
  trainsOnInputs: { subject: "the service's training on inputs", verb: 'is', negated: 'is not' },
  channels: { subject: 'the request', verb: 'comes through', negated: 'does not come through' },
  accountTypes: { subject: 'the person', verb: 'uses', negated: 'does not use' },
  networkZones: { subject: 'the network zone', verb: 'is', negated: 'is not' },
  groups: { subject: 'the person', verb: 'is in', negated: 'is not in' },
};

/** Words for the values of the fixed lists. */
const WORDS: Partial<Record<ConditionListKey, Record<string, string>>> = {
  providerStatus: { approved: 'approved', restricted: 'restricted', under_review: 'under review', blocked: 'blocked', unknown: 'unknown (not in the catalog)' },
  actions: { access: 'opening the service', prompt: 'a prompt', upload: 'a file upload', response: "the service's answer" },
  channels: { web: 'the web', desktop: 'a desktop app', mobile: 'a mobile app', api: 'the API', ide: 'an IDE', cli: 'a command line' },
  accountTypes: { consumer: 'a personal account', business: 'a work account', api: 'an API key', unknown: 'an unstated account type' },
  trainsOnInputs: { yes: 'always on', opt_out: 'on unless opted out', no: 'off' },
};

const BOOLEAN_WORDS: Record<ConditionBooleanKey, [whenTrue: string, whenFalse: string]> = {
  unknownAiDestination: ['the destination is an AI service not in the catalog', 'the destination is not an AI service outside the catalog'],
  restrictedJurisdiction: ['the service is in a restricted jurisdiction', 'the service is not in a restricted jurisdiction'],
  zeroRetentionOffer: ['the service offers zero retention', 'the service offers no zero retention'],
};

const EFFECT_WORDS: Record<string, string> = { block: 'Block', redact: 'Redact', warn: 'Warn', allow: 'Allow' };

/** At most this many values are named; the rest are counted ("or 3 more"). */
export const MAX_NAMED_VALUES = 5;

/** The words for one value: the caller's name, else the builder's word, else the value. */
function word(key: ConditionListKey, value: string, label?: ValueLabel): string {
  return label?.(key, value) ?? WORDS[key]?.[value] ?? value;
}

/** "A", "A or B", "A, B or C", "A, B, C, D, E or 2 more" (`last` is "or" or "and"). */
function join(items: readonly string[], last: 'or' | 'and'): string {
  const named = items.length > MAX_NAMED_VALUES ? items.slice(0, MAX_NAMED_VALUES) : items;
  const rest = items.length - named.length;
  const parts = rest > 0 ? [...named, `${rest} more`] : [...named];
  if (parts.length === 1) return parts[0] as string;
  return `${parts.slice(0, -1).join(', ')} ${last} ${parts.at(-1)}`;
}

function listClause(key: ConditionListKey, values: readonly string[], negated: boolean, label?: ValueLabel): string {
  const p = PHRASES[key];
  const words = [...new Set(values)].map((v) => word(key, v, label));
  if (!negated) return `${p.subject} ${p.verb} ${join(words, 'or')}`;
  if (words.length === 1) return `${p.subject} ${p.negated} ${words[0]}`;
  if (words.length === 2) return `${p.subject} ${p.verb} neither ${words[0]} nor ${words[1]}`;
  return `${p.subject} ${p.verb} none of ${join(words, 'and')}`;
}

const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The clauses of one conditions block, in reading order (what is sent, where to, who and from
 * where; for each list its any-of, then its none-of). Empty lists are not set, so not said.
 */
export function describeConditions(c: ConditionsShape | null | undefined, label?: ValueLabel): string[] {
  if (!c) return [];
  const out: string[] = [];
  for (const key of CONDITION_LIST_KEYS) {
    const any = listOf(c[key]);
    if (any.length) out.push(listClause(key, any, false, label));
    const none = listOf(c.noneOf?.[key]);
    if (none.length) out.push(listClause(key, none, true, label));
    // Booleans are said where they read best: beside the list about the same thing.
    if (key === 'providerStatus' && typeof c.unknownAiDestination === 'boolean') out.push(BOOLEAN_WORDS.unknownAiDestination[c.unknownAiDestination ? 0 : 1]);
    if (key === 'hqCountries' && typeof c.restrictedJurisdiction === 'boolean') out.push(BOOLEAN_WORDS.restrictedJurisdiction[c.restrictedJurisdiction ? 0 : 1]);
    if (key === 'trainsOnInputs' && typeof c.zeroRetentionOffer === 'boolean') out.push(BOOLEAN_WORDS.zeroRetentionOffer[c.zeroRetentionOffer ? 0 : 1]);
  }
  return out;
}

/**
 * The rule in one sentence: "<Effect> when A and B, unless C, or unless D and E". A rule without
 * conditions applies to every request; an exception without conditions always holds, and says so.
 */
export function describeRule(rule: RuleSentenceInput, label?: ValueLabel): string {
  const effect = EFFECT_WORDS[rule.effect] ?? rule.effect;
  const when = describeConditions(rule.conditions, label);
  let sentence = when.length ? `${effect} when ${when.join(' and ')}` : `${effect} every request`;
  (rule.exceptions ?? []).forEach((e, i) => {
    const clauses = describeConditions(e, label);
    const text = clauses.length ? clauses.join(' and ') : 'anything (an exception without conditions always holds, so the rule never applies)';
    sentence += i === 0 ? `, unless ${text}` : `, or unless ${text}`;
  });
  return sentence;
}

/** A name to read in a sentence: a built-in data class's name starts lower case ("health data"); other names are kept as written. */
export function inSentence(name: string): string {
  return name.length > 1 && /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

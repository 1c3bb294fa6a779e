import { describeRule, inSentence, type OrgSettings, type PolicyDiffOutput, type ValueLabel } from '@airlock/contracts';
import { BUILTIN_DATA_CLASS_IDS, canonicalJson, diffPolicies, type PolicyRule } from '@airlock/policy-engine';
import type { DataClassSnapshot, DetectorSnapshot, GroupSnapshot, PolicySnapshot } from './policy-snapshot';
import { sameSnapshot } from './policy-snapshot';

/** Names people read for the settings a policy version freezes. */
export const SETTING_LABELS: Record<keyof OrgSettings, string> = {
  restrictedJurisdictions: 'Restricted jurisdictions',
  allowEmailDomains: 'Own e-mail domains',
  markings: 'Classification markings',
  defaultPhoneRegion: 'Default phone region',
  allowedValues: 'Allowed values',
  classThresholds: 'Minimum confidence per data class',
  autoIncidentOnBlock: 'Open an incident on a block',
  autoIncidentOnOverride: 'Open an incident on an override',
  decisionTtlSeconds: 'Decision cache time (seconds)',
  mfaRequiredRoles: 'Roles that must use a second factor',
  catalogSourceMaxAgeDays: 'Catalog source maximum age (days)',
};

/** Catalog fields that change decisions besides the status, with their plain names. */
const PROVIDER_FIELDS: Record<string, string> = {
  name: 'name',
  domains: 'domains',
  channels: 'channels',
  hqCountry: 'headquarters country',
  dataCountries: 'data countries',
  trainsOnInputs: 'training on inputs',
  zeroRetentionOffer: 'zero-retention offer',
  riskScore: 'risk score',
  statusReason: 'status reason',
  vendor: 'vendor',
};

const DETECTOR_FIELDS: Record<string, string> = {
  kind: 'kind',
  dataClass: 'data class',
  patterns: 'patterns',
  caseSensitive: 'case sensitivity',
  wholeWord: 'whole-word matching',
  enabled: 'enabled',
};

const STATUS_WORDS: Record<string, string> = {
  approved: 'approved',
  restricted: 'restricted',
  under_review: 'under review',
  blocked: 'blocked',
};

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** A setting's value in words: lists joined, allowed values by their value (and class), maps as `key: value`. */
const words = (v: unknown): string => {
  if (v === undefined || v === null || v === '') return 'none';
  if (Array.isArray(v)) return v.length ? v.map(item).join(', ') : 'none';
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length ? entries.map(([k, x]) => `${k}: ${words(x)}`).join(', ') : 'none';
  }
  return String(v);
};
/** A setting's value with its data classes by name: the class of an allowed value, the keys of per-class thresholds. */
const namedClasses = (v: unknown, classLabel: (key: string) => string): unknown => {
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' && 'dataClass' in x && typeof x.dataClass === 'string' ? { ...x, dataClass: classLabel(x.dataClass) } : x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [classLabel(k), x]));
  return v;
};
const item = (v: unknown): string => {
  if (v && typeof v === 'object' && 'value' in v) {
    const { value, dataClass } = v as { value: unknown; dataClass?: unknown };
    return dataClass ? `${String(value)} (${String(dataClass)})` : String(value);
  }
  return typeof v === 'object' && v !== null ? words(v) : String(v);
};

type DetectorDiff = PolicyDiffOutput['detectors'][number];

function detectorView(d: DetectorSnapshot, classLabel: (key: string) => string): NonNullable<DetectorDiff['after']> {
  return {
    kind: d.kind,
    dataClass: d.dataClass,
    dataClassLabel: classLabel(d.dataClass),
    patterns: d.patterns.length,
    enabled: d.enabled,
    caseSensitive: d.caseSensitive,
    wholeWord: d.wholeWord,
  };
}

/**
 * Everything that differs between two policy snapshots, each part with a plain-words line:
 * rules, AI service profiles, custom detectors, network zones, settings, groups and data classes. `classLabels` names
 * data classes (key → name); an unknown key is shown as it is.
 */
export function diffSnapshots(
  a: PolicySnapshot,
  b: PolicySnapshot,
  from: number,
  to: number | 'draft',
  classLabels: ReadonlyMap<string, string> = new Map(),
): PolicyDiffOutput {
  const classLabel = (key: string) => classLabels.get(key) ?? key;
  const summary: string[] = [];

  // Rules (each added rule, and each whose conditions or effect changed, also in one sentence) ----
  const rules = diffPolicies(a.rules, b.rules);
  const sentence = ruleSentence(b, classLabel);
  if (rules.added.length) {
    summary.push(`${plural(rules.added.length, 'rule')} added: ${rules.added.map((r) => `${r.id} (${r.effect})`).join(', ')}`);
    for (const r of rules.added) summary.push(`${r.id}: ${sentence(r)}`);
  }
  if (rules.removed.length) summary.push(`${plural(rules.removed.length, 'rule')} removed: ${rules.removed.map((r) => r.id).join(', ')}`);
  const afterById = new Map(b.rules.map((r) => [r.id, r]));
  for (const c of rules.changed) {
    const parts = [...new Set(c.fields.map((f) => f.path.split(/[.[]/)[0]))];
    const rule = afterById.get(c.id);
    const meaning = rule && parts.some((p) => p === 'when' || p === 'unless' || p === 'effect') ? ` — now: ${sentence(rule)}` : '';
    summary.push(`Rule ${c.id} changed: ${parts.join(', ')}${meaning}`);
  }

  // AI services ----------------------------------------------------------------------------------
  const provA = new Map(a.catalog.map((p) => [p.slug, p]));
  const provB = new Map(b.catalog.map((p) => [p.slug, p]));
  const catalog: PolicyDiffOutput['catalog'] = [];
  for (const slug of [...new Set([...provA.keys(), ...provB.keys()])].sort()) {
    const pa = provA.get(slug);
    const pb = provB.get(slug);
    const fields = pa && pb ? Object.keys(PROVIDER_FIELDS).filter((f) => !same((pa as unknown as Record<string, unknown>)[f], (pb as unknown as Record<string, unknown>)[f])) : [];
    const statusChanged = pa?.status !== pb?.status;
    if (!statusChanged && fields.length === 0) continue;
    const name = pb?.name ?? pa?.name ?? slug;
    catalog.push({ slug, name, before: pa?.status ?? null, after: pb?.status ?? null, fields });
    if (!pa) summary.push(`AI service added: ${name} (${STATUS_WORDS[pb!.status] ?? pb!.status})`);
    else if (!pb) summary.push(`AI service removed: ${name}`);
    else {
      const bits: string[] = [];
      if (statusChanged) bits.push(`${STATUS_WORDS[pa.status] ?? pa.status} → ${STATUS_WORDS[pb.status] ?? pb.status}`);
      if (fields.length) bits.push(`${fields.map((f) => PROVIDER_FIELDS[f]).join(', ')} changed`);
      summary.push(`${name}: ${bits.join('; ')}`);
    }
  }

  // Custom detectors (matched by name: the name is unique in an organization) -------------------
  const detA = new Map(a.detectors.map((d) => [d.name, d]));
  const detB = new Map(b.detectors.map((d) => [d.name, d]));
  const detectors: PolicyDiffOutput['detectors'] = [];
  const addedDet: string[] = [];
  const removedDet: string[] = [];
  for (const name of [...new Set([...detA.keys(), ...detB.keys()])].sort()) {
    const oldDet = detA.get(name);
    const newDet = detB.get(name);
    if (oldDet && newDet) {
      const fields = Object.keys(DETECTOR_FIELDS).filter((f) => !same((oldDet as unknown as Record<string, unknown>)[f], (newDet as unknown as Record<string, unknown>)[f]));
      if (!fields.length) continue;
      detectors.push({ name, change: 'changed', before: detectorView(oldDet, classLabel), after: detectorView(newDet, classLabel), fields });
      const bits: string[] = [];
      if (fields.includes('patterns')) {
        const gained = newDet.patterns.filter((p) => !oldDet.patterns.includes(p)).length;
        const lost = oldDet.patterns.filter((p) => !newDet.patterns.includes(p)).length;
        bits.push(
          oldDet.patterns.length === newDet.patterns.length
            ? `patterns edited (${plural(gained, 'pattern')} replaced)`
            : `${oldDet.patterns.length} → ${plural(newDet.patterns.length, 'pattern')}` + (gained && lost ? ` (${gained} added, ${lost} removed)` : ''),
        );
      }
      if (fields.includes('dataClass')) bits.push(`data class ${classLabel(oldDet.dataClass)} → ${classLabel(newDet.dataClass)}`);
      if (fields.includes('enabled')) bits.push(newDet.enabled ? 'enabled' : 'disabled');
      if (fields.includes('kind')) bits.push(`kind ${oldDet.kind} → ${newDet.kind}`);
      if (fields.includes('caseSensitive')) bits.push(newDet.caseSensitive ? 'now case-sensitive' : 'no longer case-sensitive');
      if (fields.includes('wholeWord')) bits.push(newDet.wholeWord ? 'whole words only' : 'matches inside words');
      summary.push(`Detector ${name} changed: ${bits.join(', ')}`);
    } else if (newDet) {
      detectors.push({ name, change: 'added', before: null, after: detectorView(newDet, classLabel), fields: [] });
      addedDet.push(`${name} — ${plural(newDet.patterns.length, 'pattern')} → ${classLabel(newDet.dataClass)}${newDet.enabled ? '' : ' (disabled)'}`);
    } else if (oldDet) {
      detectors.push({ name, change: 'removed', before: detectorView(oldDet, classLabel), after: null, fields: [] });
      removedDet.push(`${name} (${plural(oldDet.patterns.length, 'pattern')} → ${classLabel(oldDet.dataClass)})`);
    }
  }
  if (addedDet.length) summary.push(`${plural(addedDet.length, 'detector')} added: ${addedDet.join('; ')}`);
  if (removedDet.length) summary.push(`${plural(removedDet.length, 'detector')} removed: ${removedDet.join('; ')}`);

  // Network zones --------------------------------------------------------------------------------
  const zonesA = new Map(a.zones.map((z) => [z.name, z.cidrs]));
  const zonesB = new Map(b.zones.map((z) => [z.name, z.cidrs]));
  const zones: PolicyDiffOutput['zones'] = [];
  for (const name of [...new Set([...zonesA.keys(), ...zonesB.keys()])].sort()) {
    const za = zonesA.get(name);
    const zb = zonesB.get(name);
    if (za && zb && same([...za].sort(), [...zb].sort())) continue;
    zones.push({ name, before: za ?? null, after: zb ?? null });
    if (!za) summary.push(`Network zone ${name} added: ${words(zb)}`);
    else if (!zb) summary.push(`Network zone ${name} removed`);
    else {
      const added = zb.filter((c) => !za.includes(c));
      const removed = za.filter((c) => !zb.includes(c));
      const bits = [added.length ? `${added.join(', ')} added` : '', removed.length ? `${removed.join(', ')} removed` : ''].filter(Boolean);
      summary.push(`Network zone ${name}: ${bits.join('; ')}`);
    }
  }

  // Settings -------------------------------------------------------------------------------------
  const settings: PolicyDiffOutput['settings'] = [];
  const keys = [...new Set([...Object.keys(a.settings), ...Object.keys(b.settings)])] as (keyof OrgSettings)[];
  for (const key of keys) {
    const before = a.settings[key];
    const after = b.settings[key];
    if (same(before, after)) continue;
    const label = SETTING_LABELS[key] ?? key;
    settings.push({ key, label, before: before ?? null, after: after ?? null });
    summary.push(`${label}: ${words(namedClasses(before, classLabel))} → ${words(namedClasses(after, classLabel))}`);
  }

  // Groups and data classes (in force when saved; compared when both sides recorded them) ------
  const directoryCompared = Boolean(a.directory && b.directory);
  const groups: PolicyDiffOutput['groups'] = [];
  const dataClasses: PolicyDiffOutput['dataClasses'] = [];
  if (a.directory && b.directory) {
    groups.push(...diffGroups(a.directory.groups, b.directory.groups, summary));
    dataClasses.push(...diffDataClasses(a.directory.dataClasses, b.directory.dataClasses, summary));
  }

  const unchanged = sameSnapshot(a, b);
  // A detector deleted and created again with the same content differs only by its id; a zone's
  // address ranges only by their order.
  if (!unchanged && summary.length === 0) summary.push('No change to decisions: only the order of entries or internal identifiers differ');
  return {
    from,
    to,
    rules,
    catalog,
    detectors,
    zones,
    settings,
    settingsChanged: settings.length > 0,
    groups,
    dataClasses,
    directoryCompared,
    summary,
    unchanged,
  };
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * A rule of `snapshot` in one sentence (libs/contracts describeRule): services by their name in its
 * catalog, data classes by their name (a built-in one in lower case, "health data"), countries by
 * their English name; groups and zones by the names rules use.
 */
function ruleSentence(snapshot: PolicySnapshot, classLabel: (key: string) => string): (rule: PolicyRule) => string {
  const services = new Map(snapshot.catalog.map((p) => [p.slug, p.name]));
  const label: ValueLabel = (key, value) => {
    if (key === 'providers') return services.get(value);
    if (key === 'dataClasses') return BUILTIN_DATA_CLASS_IDS.has(value) ? inSentence(classLabel(value)) : classLabel(value);
    if (key === 'dataCountries' || key === 'hqCountries') {
      try {
        return countryNames.of(value.toUpperCase());
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
  return (rule) => describeRule({ effect: rule.effect, conditions: rule.when, exceptions: rule.unless }, label) + (rule.enabled ? '' : ' (disabled)');
}

const ssoWords = (sso: readonly string[]) => (sso.length ? `SSO groups ${sso.join(', ')}` : 'no SSO group');

/** Groups by name: added (with the SSO groups that fill them), removed, or what changed. */
function diffGroups(a: readonly GroupSnapshot[], b: readonly GroupSnapshot[], summary: string[]): PolicyDiffOutput['groups'] {
  const before = new Map(a.map((g) => [g.name, g]));
  const after = new Map(b.map((g) => [g.name, g]));
  const view = (g: GroupSnapshot) => ({ description: g.description ?? null, ssoGroups: [...g.ssoGroups].sort() });
  const out: PolicyDiffOutput['groups'] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const ga = before.get(name);
    const gb = after.get(name);
    if (ga && gb) {
      const fields: string[] = [];
      if ((ga.description ?? '') !== (gb.description ?? '')) fields.push('description');
      const gained = gb.ssoGroups.filter((x) => !ga.ssoGroups.includes(x));
      const lost = ga.ssoGroups.filter((x) => !gb.ssoGroups.includes(x));
      if (gained.length || lost.length) fields.push('ssoGroups');
      if (!fields.length) continue;
      out.push({ name, change: 'changed', before: view(ga), after: view(gb), fields });
      const bits = [gained.length ? `SSO groups ${gained.join(', ')} added` : '', lost.length ? `SSO groups ${lost.join(', ')} removed` : '', fields.includes('description') ? 'description changed' : ''].filter(Boolean);
      summary.push(`Group ${name}: ${bits.join('; ')}`);
    } else if (gb) {
      out.push({ name, change: 'added', before: null, after: view(gb), fields: [] });
      added.push(`${name} (${ssoWords(gb.ssoGroups)})`);
    } else if (ga) {
      out.push({ name, change: 'removed', before: view(ga), after: null, fields: [] });
      removed.push(name);
    }
  }
  if (added.length) summary.push(`${plural(added.length, 'group')} added: ${added.join('; ')}`);
  if (removed.length) summary.push(`${plural(removed.length, 'group')} removed: ${removed.join(', ')}`);
  return out;
}

/** Data classes by key: added, removed, renamed or described differently. */
function diffDataClasses(a: readonly DataClassSnapshot[], b: readonly DataClassSnapshot[], summary: string[]): PolicyDiffOutput['dataClasses'] {
  const before = new Map(a.map((c) => [c.key, c]));
  const after = new Map(b.map((c) => [c.key, c]));
  const view = (c: DataClassSnapshot) => ({ name: c.name, description: c.description ?? null });
  const out: PolicyDiffOutput['dataClasses'] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const ca = before.get(key);
    const cb = after.get(key);
    if (ca && cb) {
      const fields = [ca.name !== cb.name ? 'name' : '', (ca.description ?? '') !== (cb.description ?? '') ? 'description' : ''].filter(Boolean);
      if (!fields.length) continue;
      out.push({ key, change: 'changed', before: view(ca), after: view(cb), fields });
      const bits = [fields.includes('name') ? `renamed ${ca.name} → ${cb.name}` : '', fields.includes('description') ? 'description changed' : ''].filter(Boolean);
      summary.push(`Data class ${cb.name}: ${bits.join('; ')}`);
    } else if (cb) {
      out.push({ key, change: 'added', before: null, after: view(cb), fields: [] });
      added.push(cb.name);
    } else if (ca) {
      out.push({ key, change: 'removed', before: view(ca), after: null, fields: [] });
      removed.push(ca.name);
    }
  }
  if (added.length) summary.push(`${plural(added.length, 'data class', 'data classes')} added: ${added.join(', ')}`);
  if (removed.length) summary.push(`${plural(removed.length, 'data class', 'data classes')} removed: ${removed.join(', ')}`);
  return out;
}

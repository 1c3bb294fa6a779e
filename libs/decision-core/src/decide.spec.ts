import { compileExceptions, type PolicyRule } from '@airlock/policy-engine';
import { FIXTURE_CATALOG, FIXTURE_ZONES } from '../../policy-engine/src/testing/fixtures';
import { compileDecisionPolicy } from './compile';
import { type ContentRequest, decideLocally } from './decide';
import { REDACT_WITHOUT_TEXT_MESSAGE } from './escalation';

const rule = (id: string, priority: number, effect: PolicyRule['effect'], when: PolicyRule['when'], unless?: PolicyRule['unless']): PolicyRule => ({
  id,
  priority,
  enabled: true,
  when,
  ...(unless ? { unless } : {}),
  effect,
  message: `message of ${id}`,
});

/** Claude is restricted in the fixture catalog, ChatGPT approved. */
const RULES: PolicyRule[] = [
  rule('mask-personal', 20, 'redact', { dataClasses: ['personal_data', 'financial'] }, [{ providerStatus: ['approved'] }]),
  rule('mask-everything-on-kimi', 30, 'redact', { providers: ['kimi'] }),
  rule('coach-restricted', 80, 'warn', { providerStatus: ['restricted'] }),
];

const policy = compileDecisionPolicy({
  rules: RULES,
  catalog: FIXTURE_CATALOG,
  zones: FIXTURE_ZONES,
  custom: [{ id: 'people', name: 'People we know', kind: 'dictionary', dataClass: 'personal_data', patterns: ['Maria Lopez'] }],
  settings: { restrictedJurisdictions: ['CN'], allowEmailDomains: [], markings: [], defaultPhoneRegion: 'US' },
});

const claude = (content?: ContentRequest['content'], action: ContentRequest['action'] = 'prompt'): ContentRequest => ({
  action,
  destination: { url: 'https://claude.ai/' },
  ...(content ? { content } : {}),
});

describe('decideLocally: redact only what was inspected', () => {
  it('masks every finding of the redacting classes in text it read, and says which classes', () => {
    const text = 'Maria Lopez lives at 221B Baker Street, London NW1 6XE, born 03/04/1970, phone +44 20 7946 0958; card 4539 1488 0343 6467.';
    const r = decideLocally(policy, claude({ text }));
    expect(r.decision.effect).toBe('redact');
    expect(r.decision.reasons.map((x) => [x.ruleId, x.effect, x.escalated])).toEqual([
      ['mask-personal', 'redact', undefined],
      ['coach-restricted', 'warn', undefined],
    ]);
    expect(r.redactedText).toBe('[PERSON_1] lives at [ADDRESS_1], born [DOB_1], phone [PHONE_1]; card [CARD_1].');
    expect(r.redactedClasses).toEqual(['financial', 'personal_data']);
  });

  it('with redactedText: false, decides the same and says what to mask, without building the masked text', () => {
    const text = 'Maria Lopez lives at 221B Baker Street, London NW1 6XE, phone +44 20 7946 0958.';
    const full = decideLocally(policy, claude({ text }));
    const lean = decideLocally(policy, claude({ text }), { redactedText: false });
    expect(lean.redactedText).toBeUndefined();
    expect(full.redactedText).toBe('[PERSON_1] lives at [ADDRESS_1], phone [PHONE_1].');
    expect({ ...lean, redactedText: full.redactedText }).toEqual(full);
  });

  it('blocks a redact when the classes were only asserted by the client (no text)', () => {
    const r = decideLocally(policy, claude({ dataClasses: ['personal_data'] }));
    expect(r.decision.effect).toBe('block');
    expect(r.decision.reasons.map((x) => [x.ruleId, x.effect, x.escalated])).toEqual([
      ['mask-personal', 'block', 'redact_without_text'],
      ['coach-restricted', 'warn', undefined],
    ]);
    expect(r.decision.reasons[0]!.message).toBe(`${REDACT_WITHOUT_TEXT_MESSAGE} Why it would be masked: message of mask-personal`);
    expect(r.redactedText).toBeUndefined();
    expect(r.redactedClasses).toBeUndefined();
    expect(r.contentDependent).toBe(true);
  });

  it('blocks when text was sent but a redacting class came only from the client', () => {
    const r = decideLocally(policy, claude({ text: 'Call +44 20 7946 0958', dataClasses: ['financial'] }));
    expect(r.decision.effect).toBe('block');
    expect(r.decision.reasons[0]).toMatchObject({ ruleId: 'mask-personal', escalated: 'redact_without_text' });
    expect(r.redactedText).toBeUndefined();
  });

  it('redacts when the client asserted a class the text also shows', () => {
    const r = decideLocally(policy, claude({ text: 'Call +44 20 7946 0958', dataClasses: ['personal_data'] }));
    expect(r.decision.effect).toBe('redact');
    expect(r.redactedText).toBe('Call [PHONE_1]');
    expect(r.redactedClasses).toEqual(['personal_data']);
  });

  it('ignores asserted classes that no redacting rule names', () => {
    const r = decideLocally(policy, claude({ text: 'Call +44 20 7946 0958', dataClasses: ['creative_work'] }));
    expect(r.decision.effect).toBe('redact');
    expect(r.redactedClasses).toEqual(['personal_data']);
  });

  it('blocks an upload whose redacting class comes from the file name alone', () => {
    const files = compileDecisionPolicy({
      rules: [rule('mask-code', 10, 'redact', { dataClasses: ['source_code'] })],
      catalog: FIXTURE_CATALOG,
      zones: [],
      custom: [],
      settings: { restrictedJurisdictions: ['CN'], allowEmailDomains: [], markings: [], defaultPhoneRegion: 'US' },
    });
    const r = decideLocally(files, claude({ fileName: 'billing.py' }, 'upload'));
    expect(r.decision.effect).toBe('block');
    expect(r.decision.reasons).toEqual([expect.objectContaining({ ruleId: 'mask-code', effect: 'block', escalated: 'redact_without_text' })]);
  });

  it('a rule that redacts everything: blocks an access check (no text), redacts text it read', () => {
    const access = decideLocally(policy, { action: 'access', destination: { url: 'https://kimi.example/' } });
    expect(access.decision.effect).toBe('block');
    expect(access.decision.reasons.map((x) => [x.ruleId, x.escalated])).toEqual([
      ['mask-everything-on-kimi', 'redact_without_text'],
      ['coach-restricted', undefined],
    ]);
    const clean = decideLocally(policy, { action: 'prompt', destination: { url: 'https://kimi.example/' }, content: { text: 'Summarise the history of tea.' } });
    expect(clean.decision.effect).toBe('redact');
    expect(clean.redactedText).toBe('Summarise the history of tea.');
    expect(clean.redactedClasses).toEqual([]);
    const asserted = decideLocally(policy, { action: 'prompt', destination: { url: 'https://kimi.example/' }, content: { text: 'Summarise the history of tea.', dataClasses: ['creative_work'] } });
    expect(asserted.decision.effect).toBe('block');
  });

  it('leaves approved destinations and other effects alone', () => {
    const r = decideLocally(policy, { action: 'prompt', destination: { url: 'https://chatgpt.com/' }, content: { dataClasses: ['personal_data'] } });
    expect(r.decision.effect).toBe('allow');
    expect(r.decision.reasons[0]!.escalated).toBeUndefined();
  });

  it('shares the escalated reasons between decisions (no per-decision copies of frozen reasons)', () => {
    const a = decideLocally(policy, claude({ dataClasses: ['personal_data'] }));
    const b = decideLocally(policy, claude({ dataClasses: ['financial'] }));
    expect(a.decision.reasons[0]).toBe(b.decision.reasons[0]);
    expect(Object.isFrozen(a.decision.reasons[0])).toBe(true);
    const alone = compileDecisionPolicy({
      rules: [RULES[0]!],
      catalog: FIXTURE_CATALOG,
      zones: [],
      custom: [],
      settings: { restrictedJurisdictions: ['CN'], allowEmailDomains: [], markings: [], defaultPhoneRegion: 'US' },
    });
    const c = decideLocally(alone, claude({ dataClasses: ['personal_data'] }));
    const d = decideLocally(alone, claude({ dataClasses: ['personal_data'] }));
    expect(c.decision.reasons).toBe(d.decision.reasons);
  });
});

describe('decideLocally: time-limited exceptions', () => {
  const NOW = Date.parse('2026-12-02T12:00:00Z');
  const exceptions = compileExceptions([
    { id: 'x1', subjectEmail: 'ana@example.com', provider: null, dataClass: 'personal_data', reason: 'client project', expiresAt: '2026-12-02T13:00:00Z' },
  ]);
  const text = 'Please write to Maria Lopez.';

  it('a lifted redacting rule masks nothing: the text goes as it is, and the reason names the exception', () => {
    const r = decideLocally(policy, { ...claude({ text }), subject: { email: 'ana@example.com' } }, { exceptions, now: NOW });
    expect(r.decision.effect).toBe('warn');
    expect(r.redactedText).toBeUndefined();
    expect(r.decision.reasons.find((x) => x.ruleId === 'mask-personal')).toMatchObject({ effect: 'allow', exception: { id: 'x1', effect: 'redact' } });
  });

  it('after the expiry, or for someone else, the rule applies again', () => {
    expect(decideLocally(policy, { ...claude({ text }), subject: { email: 'ana@example.com' } }, { exceptions, now: Date.parse('2026-12-02T13:00:00Z') }).decision.effect).toBe('redact');
    expect(decideLocally(policy, { ...claude({ text }), subject: { email: 'bob@example.com' } }, { exceptions, now: NOW }).decision.effect).toBe('redact');
  });
});

import { MemoryDirectory } from '@airlock/decision-core';
import { defaultPolicyRules } from '@airlock/policy-engine';
import { compileBundle, compileBundleExceptions, contentCanMatter, decide, subjectGroups, userDirectory, userKey, type PolicyBundle } from './decide';
import { matchPatterns } from './shared';

function bundle(over: Partial<PolicyBundle> = {}): PolicyBundle {
  return {
    policyVersion: 3,
    contentHash: 'x',
    publishedAt: '2026-01-01T00:00:00Z',
    rules: defaultPolicyRules(),
    catalog: [
      { slug: 'openai-chatgpt', name: 'ChatGPT', status: 'approved', domains: ['chatgpt.com'], channels: ['web'], hqCountry: 'US', dataCountries: ['US'], trainsOnInputs: 'no', zeroRetentionOffer: false },
      { slug: 'google-gemini', name: 'Gemini', status: 'restricted', domains: ['gemini.google.com'], channels: ['web'], hqCountry: 'US', dataCountries: ['US'], trainsOnInputs: 'opt_out', zeroRetentionOffer: false },
    ],
    zones: [],
    detectors: { classes: [], settings: { allowEmailDomains: [], markings: [], defaultPhoneRegion: 'US' }, custom: [] },
    settings: { restrictedJurisdictions: ['CN'], decisionTtlSeconds: 60 },
    ...over,
  };
}

describe('the extension decision module', () => {
  it('finds the user in the bundle directory as the server hashes it (decision-core BundleDirectory)', async () => {
    const people = new MemoryDirectory([
      { id: 'u1', email: 'Maria.Admin@example.com', groups: ['Engineering', 'admins'] },
      { id: 'u2', email: 'other@example.com', groups: ['sales'] },
    ]);
    const b = bundle({ directory: people.toBundle('salt-123') });
    expect((await subjectGroups(b, 'maria.admin@EXAMPLE.com ')).sort()).toEqual(['admins', 'engineering']);
    expect(await subjectGroups(b, 'nobody@example.com')).toEqual([]);
    expect(await subjectGroups(bundle(), 'maria.admin@example.com')).toEqual([]);
  });

  it('decides a pasted key, an e-mail address and access like the server', () => {
    const policy = compileBundle(bundle());
    const dir = userDirectory('maria@example.com', ['engineering']);
    const key = decide(policy, dir, { action: 'prompt', destination: { url: 'https://chatgpt.com/c/1' }, content: { text: 'aws_access_key_id = AKIAQ3EGRJ5NEXAMPLE7' } });
    expect(key.decision.effect).toBe('block');
    expect(key.decision.reasons.map((r) => r.ruleId)).toContain('no-credentials');
    const mail = decide(policy, dir, { action: 'prompt', destination: { url: 'https://gemini.google.com/app' }, content: { text: 'Write to jane.doe@clientcorp.com today' } });
    expect(mail.decision.effect).toBe('redact');
    expect(mail.redactedText).toBe('Write to [EMAIL_1] today');
    expect(decide(policy, dir, { action: 'access', destination: { provider: 'google-gemini' } }).decision.effect).toBe('allow');
  });

  it('honours the bundle’s exceptions for the browser’s user (named by hash) until they expire', () => {
    const people = new MemoryDirectory([{ id: 'u1', email: 'maria@example.com', groups: ['engineering'] }]);
    const directory = people.toBundle('salt-9');
    const key = userKey(bundle({ directory }), 'Maria@Example.com');
    const grant = (expiresAt: string, subjectKey: string | undefined = key) =>
      bundle({ directory, exceptions: [{ id: '0190e5c0-0000-7000-8000-000000000001', subjectKey, provider: 'openai-chatgpt', dataClass: 'credentials', reason: 'Rotating keys', expiresAt }] });
    const dir = userDirectory('maria@example.com', ['engineering']);
    const req = { action: 'prompt' as const, destination: { url: 'https://chatgpt.com/c/1' }, subject: { email: 'maria@example.com' }, content: { text: 'aws_access_key_id = AKIAQ3EGRJ5NEXAMPLE7' } };
    const active = grant(new Date(Date.now() + 60_000).toISOString());
    const lifted = decide(compileBundle(active), dir, req, compileBundleExceptions(active, 'maria@example.com', key));
    expect(lifted.decision.effect).toBe('allow');
    expect(lifted.decision.reasons.find((r) => r.ruleId === 'no-credentials')).toMatchObject({ effect: 'allow', exception: { id: '0190e5c0-0000-7000-8000-000000000001' } });
    const expired = grant(new Date(Date.now() - 1000).toISOString());
    expect(decide(compileBundle(expired), dir, req, compileBundleExceptions(expired, 'maria@example.com', key)).decision.effect).toBe('block');
    const someoneElse = grant(new Date(Date.now() + 60_000).toISOString(), 'another-persons-key');
    expect(decide(compileBundle(someoneElse), dir, req, compileBundleExceptions(someoneElse, 'maria@example.com', key)).decision.effect).toBe('block');
    expect(compileBundleExceptions(bundle(), 'maria@example.com', key)).toBeNull();
  });

  it('lifts a blocked service for access only with a service-level exception (any data class), for the person or a group', () => {
    const people = new MemoryDirectory([{ id: 'u1', email: 'maria@example.com', groups: ['security'] }]);
    const directory = people.toBundle('salt-1');
    const catalog = [
      { slug: 'deepseek', name: 'DeepSeek', status: 'blocked' as const, domains: ['chat.deepseek.com'], channels: ['web' as const], hqCountry: 'CN', dataCountries: ['CN'], trainsOnInputs: 'yes' as const, zeroRetentionOffer: false },
    ];
    const key = userKey(bundle({ directory }), 'maria@example.com');
    const soon = new Date(Date.now() + 60_000).toISOString();
    const access = (exceptions: NonNullable<PolicyBundle['exceptions']>) => {
      const b = bundle({ directory, catalog, exceptions });
      return decide(compileBundle(b), userDirectory('maria@example.com', ['security']), { action: 'access', destination: { provider: 'deepseek' }, subject: { email: 'maria@example.com' } }, compileBundleExceptions(b, 'maria@example.com', key));
    };
    const id = '0190e5c0-0000-7000-8000-000000000002';
    expect(access([]).decision.effect).toBe('block');
    expect(access([{ id, subjectKey: key, provider: 'deepseek', dataClass: 'credentials', reason: 'r', expiresAt: soon }]).decision.effect).toBe('block');
    const lifted = access([{ id, subjectKey: key, provider: 'deepseek', dataClass: null, reason: 'r', expiresAt: soon }]);
    expect(lifted.decision.effect).toBe('allow');
    expect(lifted.decision.reasons.find((r) => r.ruleId === 'blocked-providers')?.exception?.expiresAt).toBe(soon);
    expect(access([{ id, subjectGroup: 'security', provider: 'deepseek', dataClass: null, reason: 'r', expiresAt: soon }]).decision.effect).toBe('allow');
    expect(access([{ id, subjectGroup: 'legal', provider: 'deepseek', dataClass: null, reason: 'r', expiresAt: soon }]).decision.effect).toBe('block');
    expect(access([{ id, subjectKey: key, provider: 'openai-chatgpt', dataClass: null, reason: 'r', expiresAt: soon }]).decision.effect).toBe('block');
  });

  it('says whether an upload’s content could change the answer (a file that cannot be read matters only then)', () => {
    const policy = compileBundle(bundle());
    const dir = userDirectory('maria@example.com', []);
    // ChatGPT (approved): the credentials rule looks at uploads' content.
    expect(contentCanMatter(policy, dir, { action: 'upload', destination: { url: 'https://chatgpt.com/' } })).toBe(true);
    // A policy whose only rule on uploads ignores content: a file's content cannot change anything.
    const noContent = compileBundle(bundle({ rules: defaultPolicyRules().filter((r) => !r.when.dataClasses) }));
    expect(contentCanMatter(noContent, dir, { action: 'upload', destination: { url: 'https://chatgpt.com/' } })).toBe(false);
  });

  it('turns catalog domains into content-script match patterns', () => {
    expect(matchPatterns(['chatgpt.com', '*.chatgpt.com', 'Gemini.Google.com.', 'bad/path', '10.0.0.1:8080', ''])).toEqual([
      '*://*.chatgpt.com/*',
      '*://chatgpt.com/*',
      '*://gemini.google.com/*',
    ]);
  });
});

import { DEFAULT_POLICY_RULE_IDS, defaultPolicyRules } from './default-policy';
import { compilePolicy } from './policy-compiler';
import { FIXTURE_CATALOG, FIXTURE_ZONES } from './testing/fixtures';
import type { CatalogProvider, DecisionRequest } from './types';

describe('defaultPolicyRules', () => {
  it('has exactly the default ids, in priority order, all enabled, with messages that explain', () => {
    const rules = defaultPolicyRules();
    expect(rules.map((r) => r.id)).toEqual([...DEFAULT_POLICY_RULE_IDS]);
    const priorities = rules.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(new Set(priorities).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.enabled).toBe(true);
      expect(r.message.length).toBeGreaterThan(80);
    }
    expect(rules.find((r) => r.id === 'coach-unreviewed')?.message).toMatch(/ask for a review/i);
    expect(rules.find((r) => r.id === 'no-health-data-unapproved')?.message).toMatch(/masking the medical terms leaves the patient identifiable/);
    // Health data is blocked by its own rule, so the redacting rule no longer names it.
    expect(rules.find((r) => r.id === 'no-personal-data-unapproved')?.when.dataClasses).not.toContain('health_data');
  });

  it('names the restricted jurisdictions from the settings', () => {
    const message = (settings?: { restrictedJurisdictions: string[] }) =>
      defaultPolicyRules(settings).find((r) => r.id === 'no-restricted-jurisdiction-on-corporate')?.message;
    expect(message()).toContain('(CN)');
    expect(message({ restrictedJurisdictions: ['CN', 'RU'] })).toMatch(/\(CN\) or .*\(RU\)/);
  });

  it('returns fresh objects each time', () => {
    const a = defaultPolicyRules();
    a[0]!.when.dataClasses!.push('source_code');
    expect(defaultPolicyRules()[0]!.when.dataClasses).toEqual(['credentials']);
  });
});

describe('the default policy against a fixture catalog', () => {
  // Same fixture as the condition tests, with DeepSeek under review instead of blocked for the
  // cases that need to tell "blocked" from "restricted jurisdiction".
  const underReview: CatalogProvider[] = FIXTURE_CATALOG.map((p) => (p.slug === 'deepseek' ? { ...p, status: 'under_review' } : p));
  const blockedCatalog = compilePolicy(defaultPolicyRules(), FIXTURE_CATALOG, FIXTURE_ZONES);
  const reviewCatalog = compilePolicy(defaultPolicyRules(), underReview, FIXTURE_ZONES);

  const corp = { ip: '10.20.30.40' };
  const home = { ip: '203.0.113.99' };

  it.each<[string, 'blocked' | 'review', DecisionRequest, string, string[]]>([
    ['ChatGPT, open from the office', 'blocked', { action: 'access', destination: { url: 'https://chatgpt.com/' }, context: corp }, 'allow', ['no-matching-rule']],
    ['ChatGPT, personal data (approved)', 'blocked', { action: 'prompt', destination: { url: 'https://chatgpt.com/' }, dataClasses: ['personal_data'] }, 'allow', ['no-matching-rule']],
    ['ChatGPT, client information (approved)', 'blocked', { action: 'prompt', destination: { url: 'https://chatgpt.com/' }, dataClasses: ['client_information'] }, 'allow', ['no-matching-rule']],
    ['ChatGPT, upload (approved)', 'blocked', { action: 'upload', destination: { url: 'https://chatgpt.com/' }, dataClasses: [] }, 'allow', ['no-matching-rule']],
    ['ChatGPT, an API key (approved too)', 'blocked', { action: 'prompt', destination: { url: 'https://chatgpt.com/' }, dataClasses: ['credentials'] }, 'block', ['no-credentials']],
    ['ChatGPT, creative work (trains unless opted out)', 'blocked', { action: 'prompt', destination: { url: 'https://chatgpt.com/' }, dataClasses: ['creative_work'] }, 'warn', ['warn-creative-training']],
    ['Claude, creative work (does not train)', 'blocked', { action: 'prompt', destination: { url: 'https://claude.ai/new' }, dataClasses: ['creative_work'] }, 'allow', ['no-matching-rule']],
    ['Claude (restricted), health data: blocked, not masked', 'blocked', { action: 'prompt', destination: { url: 'https://claude.ai/' }, dataClasses: ['health_data'] }, 'block', ['no-health-data-unapproved']],
    [
      'Claude (restricted), a patient: health and personal data',
      'blocked',
      { action: 'prompt', destination: { url: 'https://claude.ai/' }, dataClasses: ['personal_data', 'health_data'] },
      'block',
      ['no-health-data-unapproved', 'no-personal-data-unapproved'],
    ],
    ['Claude (restricted), personal data alone is masked', 'blocked', { action: 'prompt', destination: { url: 'https://claude.ai/' }, dataClasses: ['personal_data'] }, 'redact', ['no-personal-data-unapproved']],
    ['ChatGPT, health data (approved)', 'blocked', { action: 'prompt', destination: { url: 'https://chatgpt.com/' }, dataClasses: ['health_data'] }, 'allow', ['no-matching-rule']],
    ['unknown AI service, health data', 'blocked', { action: 'prompt', destination: { url: 'https://new-ai.example/' }, dataClasses: ['health_data'] }, 'block', ['no-health-data-unapproved', 'coach-unreviewed']],
    ['Claude (restricted), upload', 'blocked', { action: 'upload', destination: { url: 'https://claude.ai/' } }, 'block', ['no-uploads-unapproved']],
    ['DeepSeek blocked, just opening it from home', 'blocked', { action: 'access', destination: { url: 'https://chat.deepseek.com/' }, context: home }, 'block', ['blocked-providers']],
    [
      'DeepSeek blocked, from the office',
      'blocked',
      { action: 'access', destination: { url: 'https://chat.deepseek.com/' }, context: corp },
      'block',
      ['no-restricted-jurisdiction-on-corporate', 'blocked-providers'],
    ],
    ['DeepSeek under review, from home', 'review', { action: 'access', destination: { url: 'https://chat.deepseek.com/' }, context: home }, 'warn', ['coach-unreviewed']],
    [
      'DeepSeek under review, from the office',
      'review',
      { action: 'access', destination: { url: 'https://chat.deepseek.com/' }, context: corp },
      'block',
      ['no-restricted-jurisdiction-on-corporate', 'coach-unreviewed'],
    ],
    [
      'DeepSeek under review, from the office over IPv6',
      'review',
      { action: 'access', destination: { url: 'https://chat.deepseek.com/' }, context: { ip: 'fd00:1::25' } },
      'block',
      ['no-restricted-jurisdiction-on-corporate', 'coach-unreviewed'],
    ],
    [
      'DeepSeek under review, personal data and an upload from home',
      'review',
      { action: 'upload', destination: { url: 'https://chat.deepseek.com/' }, context: home, dataClasses: ['personal_data', 'creative_work'] },
      'block',
      ['no-uploads-unapproved', 'no-personal-data-unapproved', 'warn-creative-training', 'coach-unreviewed'],
    ],
    ['Kimi stores data in CN, from the office', 'blocked', { action: 'access', destination: { url: 'https://kimi.example/' }, context: corp }, 'block', ['no-restricted-jurisdiction-on-corporate']],
    ['Kimi stores data in CN, from the VPN', 'blocked', { action: 'access', destination: { url: 'https://kimi.example/' }, context: { ip: '192.168.100.5' } }, 'allow', ['no-matching-rule']],
    ['Le Chat under review', 'blocked', { action: 'access', destination: { url: 'https://chat.mistral.ai/' } }, 'warn', ['coach-unreviewed']],
    ['unknown AI service, a prompt', 'blocked', { action: 'prompt', destination: { url: 'https://new-ai.example/' }, dataClasses: [] }, 'warn', ['coach-unreviewed']],
    [
      'unknown AI service, personal data: "unless approved" does not hold, so it applies',
      'blocked',
      { action: 'prompt', destination: { url: 'https://new-ai.example/' }, dataClasses: ['personal_data'] },
      'redact',
      ['no-personal-data-unapproved', 'coach-unreviewed'],
    ],
    [
      'unknown AI service, client information',
      'blocked',
      { action: 'prompt', destination: { provider: 'brand-new-ai' }, dataClasses: ['client_information'] },
      'block',
      ['no-confidential-unapproved', 'coach-unreviewed'],
    ],
    ['not an AI destination', 'blocked', { action: 'access', destination: { url: 'https://news.example/' }, context: corp }, 'allow', ['no-matching-rule']],
  ])('%s', (_name, which, req, effect, ruleIds) => {
    const decision = (which === 'blocked' ? blockedCatalog : reviewCatalog).evaluate(req);
    expect(decision.effect).toBe(effect);
    expect(decision.reasons.map((r) => r.ruleId)).toEqual(ruleIds);
  });

  it('needs the detectors for every class it names, and has data-class agnostic rules', () => {
    expect([...blockedCatalog.classesReferenced].sort()).toEqual([
      'client_information',
      'company_confidential',
      'creative_work',
      'credentials',
      'financial',
      'government_id',
      'health_data',
      'personal_data',
    ]);
    expect(blockedCatalog.dataClassAgnostic).toBe(true);
  });

  it('compiles without warnings against the fixture zones, and warns when there is no corporate zone', () => {
    expect(blockedCatalog.warnings).toEqual([]);
    const noZones = compilePolicy(defaultPolicyRules(), FIXTURE_CATALOG, []);
    expect(noZones.warnings.map((w) => w.message)).toEqual([expect.stringContaining('"corporate" is not defined')]);
  });
});

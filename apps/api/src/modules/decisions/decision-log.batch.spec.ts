import fc from 'fast-check';
import { copyRows } from './copy-text';
import { DECISION_LOG_COLUMNS, DecisionLogBatch, type DecisionLogEntry, copyLine } from './decision-log.batch';

const ORG = '00000000-0000-4000-8000-000000000001';

function entry(overrides: Partial<DecisionLogEntry> = {}): DecisionLogEntry {
  return {
    id: '00000000-0000-4000-8000-00000000000a',
    time: new Date('2026-11-29T10:15:00.000Z'),
    organizationId: ORG,
    apiClientId: null,
    policyVersion: 3,
    providerSlug: 'deepseek',
    destinationHost: 'chat.deepseek.com',
    action: 'prompt',
    channel: 'web',
    networkZones: ['corporate'],
    subjectId: 'ann@example.com',
    subjectGroups: ['engineering'],
    effect: 'block',
    ruleIds: ['blocked-providers'],
    dataClasses: ['personal_data', 'credentials'],
    contentHmac: null,
    correlationId: null,
    latencyMicros: 12,
    staleSeconds: null,
    source: 'api',
    overrideReason: null,
    ...overrides,
  };
}

const text = fc.option(fc.string({ unit: 'binary' }), { nil: null });
const list = fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 });

describe('copyLine', () => {
  it('writes the same line as the generic COPY encoder, whatever the strings hold', () => {
    fc.assert(
      fc.property(
        fc.record({ apiClientId: text, providerSlug: text, destinationHost: text, channel: text, subjectId: text, correlationId: text, contentHmac: text, networkZones: list, subjectGroups: list, ruleIds: list, dataClasses: list, latencyMicros: fc.nat(), staleSeconds: fc.option(fc.nat(), { nil: null }), source: fc.constantFrom('api', 'extension', 'sdk'), overrideReason: text, inputTokens: fc.option(fc.nat(), { nil: null }), outputTokens: fc.option(fc.nat(), { nil: null }) }),
        (fields) => {
          const e = entry(fields);
          expect(copyLine(e)).toBe(copyRows([DECISION_LOG_COLUMNS.map((c) => e[c] ?? null)]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps one line per entry: tabs and newlines inside values are escaped', () => {
    const line = copyLine(entry({ subjectId: 'a\tb\nc', correlationId: 'x\\y' }));
    expect(line.split('\n')).toHaveLength(2);
    expect(line.split('\t')).toHaveLength(DECISION_LOG_COLUMNS.length);
  });
});

describe('DecisionLogBatch', () => {
  it('counts warnings and overrides per service, once overall (*) and once per group of the subject', () => {
    const batch = new DecisionLogBatch(4);
    const t = new Date('2026-12-02T10:15:00Z');
    batch.add(entry({ time: t, effect: 'warn', providerSlug: 'openai', subjectGroups: ['sales', 'emea'], overrideReason: 'client asked' }));
    batch.add(entry({ time: t, effect: 'warn', providerSlug: 'openai', subjectGroups: ['sales'] }));
    batch.add(entry({ time: t, effect: 'block', providerSlug: 'openai', subjectGroups: ['sales'] }));
    const rows = batch.overrideRollupRows();
    const byKey = Object.fromEntries(rows.providerSlug.map((p, i) => [`${p}/${rows.subjectGroup[i]}`, [rows.warned[i], rows.overridden[i]]]));
    expect(byKey).toEqual({ 'openai/*': [2, 1], 'openai/emea': [1, 1], 'openai/sales': [2, 1] });
    batch.release();
  });

  it('holds every line in order as its buffer grows, multi-byte characters included', () => {
    const batch = new DecisionLogBatch(1);
    const entries = Array.from({ length: 50 }, (_, i) => entry({ subjectId: `émilie-${i}-✓`, latencyMicros: i }));
    for (const e of entries) batch.add(e);
    expect(batch.size).toBe(50);
    expect(batch.copyText().toString('utf8')).toBe(entries.map(copyLine).join(''));
  });

  it('counts the hourly rollups as entries arrive, in key order (so two writers lock rows alike)', () => {
    const batch = new DecisionLogBatch();
    batch.add(entry());
    batch.add(entry({ time: new Date('2026-11-29T10:59:59.999Z') }));
    batch.add(entry({ time: new Date('2026-11-29T11:00:00.000Z'), dataClasses: [] }));
    batch.add(entry({ providerSlug: null, destinationHost: 'tool.unknown-ai.example', effect: 'warn', dataClasses: ['personal_data'] }));
    expect(batch.size).toBe(4);
    expect(batch.copyText().toString('utf8').split('\n')).toHaveLength(5);
    expect(batch.rollupRows()).toEqual({
      organizationId: [ORG, ORG, ORG],
      bucket: ['2026-11-29T10:00:00.000Z', '2026-11-29T10:00:00.000Z', '2026-11-29T11:00:00.000Z'],
      providerSlug: ['deepseek', 'host:tool.unknown-ai.example', 'deepseek'],
      action: ['prompt', 'prompt', 'prompt'],
      effect: ['block', 'warn', 'block'],
      count: [2, 1, 1],
    });
    expect(batch.classRollupRows()).toEqual({
      organizationId: [ORG, ORG, ORG],
      bucket: ['2026-11-29T10:00:00.000Z', '2026-11-29T10:00:00.000Z', '2026-11-29T10:00:00.000Z'],
      dataClass: ['credentials', 'personal_data', 'personal_data'],
      effect: ['block', 'warn', 'block'],
      count: [2, 1, 2],
    });
  });

  it('counts every action and effect in its own row', () => {
    const batch = new DecisionLogBatch();
    const actions = ['access', 'prompt', 'upload'] as const;
    const effects = ['allow', 'warn', 'redact', 'block'] as const;
    for (const action of actions) for (const effect of effects) for (let n = 0; n <= actions.indexOf(action) + effects.indexOf(effect); n++) batch.add(entry({ action, effect }));
    const rows = batch.rollupRows();
    expect(rows.count).toHaveLength(12);
    rows.action.forEach((action, i) => expect(rows.count[i]).toBe(actions.indexOf(action as never) + effects.indexOf(rows.effect[i] as never) + 1));
  });

  it('drops the rows and rollups of the given organizations, keeping the rest byte for byte', () => {
    const orgs = [ORG, '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ org: fc.constantFrom(...orgs), subjectId: text, subjectGroups: list, dataClasses: list, latencyMicros: fc.nat() }), { maxLength: 40 }),
        fc.subarray(orgs),
        (rows, gone) => {
          const entries = rows.map(({ org, ...fields }) => entry({ ...fields, organizationId: org }));
          const batch = new DecisionLogBatch(2);
          const expected = new DecisionLogBatch(2);
          for (const e of entries) {
            batch.add(e);
            if (!gone.includes(e.organizationId)) expected.add(e);
          }
          expect(batch.organizationIds().sort()).toEqual([...new Set(entries.map((e) => e.organizationId))].sort());
          const kept = batch.without(new Set(gone));
          expect(kept.size).toBe(expected.size);
          expect(kept.copyText().equals(expected.copyText())).toBe(true);
          expect(kept.rollupRows()).toEqual(expected.rollupRows());
          expect(kept.classRollupRows()).toEqual(expected.classRollupRows());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hands its buffer to the next batch once released, and that batch starts empty', () => {
    const textOf = (b: DecisionLogBatch) => (b as unknown as { text: Buffer }).text;
    // 5,000 entries: a buffer larger than any other test's, so the spare found is this one.
    const first = new DecisionLogBatch(5_000);
    for (let i = 0; i < 20; i++) first.add(entry({ subjectId: `first-${i}` }));
    const buffer = textOf(first);
    first.release();
    expect(first.size).toBe(0);
    expect(first.copyText().length).toBe(0);
    const second = new DecisionLogBatch(5_000);
    expect(textOf(second)).toBe(buffer);
    second.add(entry({ subjectId: 'second' }));
    expect(second.copyText().toString('utf8')).toBe(copyLine(entry({ subjectId: 'second' })));
    expect(second.rollupRows().count).toEqual([1]);
  });
});

import { compileInspector } from './inspector';

const TEXT = 'Card 4111 1111 1111 1111 for the test, call +1 (212) 555-0100 or mail john.smith@acme.com.';

describe('Inspector.explain: what was found but not counted, and why', () => {
  it('lists a documented test card and an allowed value as not counted, and counts the rest as inspect does', () => {
    const inspector = compileInspector({ allowedValues: [{ value: '+1 (212) 555-0100', dataClass: 'personal_data' }] });
    const { findings, notCounted } = inspector.explain(TEXT);
    expect(findings).toEqual(inspector.inspect(TEXT));
    expect(findings.map((f) => TEXT.slice(f.start, f.end))).toEqual(['john.smith@acme.com']);
    expect(notCounted.map((f) => [TEXT.slice(f.start, f.end), f.reason, f.dataClass])).toEqual([
      ['4111 1111 1111 1111', 'test_value', 'financial'],
      ['+1 (212) 555-0100', 'allowed_value', 'personal_data'],
    ]);
    expect(notCounted[0]!.threshold).toBe(0.5);
  });

  it('says "below the threshold" for a value under the class threshold, and counts a test card when the threshold admits it', () => {
    const strict = compileInspector({ classThresholds: { personal_data: 0.99 } });
    const below = strict.explain(TEXT).notCounted.find((f) => f.detector === 'email');
    expect(below).toMatchObject({ reason: 'below_threshold', threshold: 0.99, dataClass: 'personal_data' });
    const lenient = compileInspector({ classThresholds: { financial: 0.2 } });
    const { findings, notCounted } = lenient.explain(TEXT);
    expect(findings.some((f) => f.detector === 'payment-card')).toBe(true);
    expect(notCounted.some((f) => f.detector === 'payment-card')).toBe(false);
  });

  it('explains documentation addresses and payment processors\' outcome cards as test values instead of dropping them silently', () => {
    const text = 'Try 4000 0025 0000 3155 for 3-D Secure, and write to jane.doe@example.com or ops@build.test.';
    const { findings, notCounted } = compileInspector().explain(text);
    expect(findings).toEqual([]);
    expect(notCounted.map((f) => [text.slice(f.start, f.end), f.reason])).toEqual([
      ['4000 0025 0000 3155', 'test_value'],
      ['jane.doe@example.com', 'test_value'],
      ['ops@build.test', 'test_value'],
    ]);
  });

  it('lists nothing for classes the inspector does not run, nor a dropped value inside a counted one', () => {
    expect(compileInspector({ classes: ['credentials'] }).explain(TEXT)).toEqual({ findings: [], notCounted: [] });
    expect(compileInspector().explain('')).toEqual({ findings: [], notCounted: [] });
    const { findings, notCounted } = compileInspector().explain('Pay with card number 4556 7375 8689 9855 today.');
    expect(findings).toHaveLength(1);
    expect(notCounted.filter((d) => findings.some((f) => d.start < f.end && f.start < d.end))).toEqual([]);
  });
});

import { AllowedValues, canonicalValue } from './allowed-values';
import { compileInspector } from './inspector';

describe('allowed values', () => {
  it('compares on letters and digits only, NFKC-folded', () => {
    expect(canonicalValue('+1 (800) 273-8255')).toBe('18002738255');
    expect(canonicalValue('４１１１ １１１１')).toBe('41111111');
    expect(canonicalValue('Demo.User@Example.org')).toBe('demouserexampleorg');
  });

  it('drops a finding whose text is an allowed value, however it is written', () => {
    const text = 'Card 4111-1111-1111-1111 and 5500 0000 0000 0004 on file.';
    const all = compileInspector({ classes: ['financial'] }).inspect(text);
    expect(all.length).toBeGreaterThan(0);
    const ins = compileInspector({ classes: ['financial'], allowedValues: [{ value: '4111 1111 1111 1111' }] });
    const kept = ins.inspect(text).map((f) => text.slice(f.start, f.end));
    expect(kept.some((s) => s.includes('4111'))).toBe(false);
  });

  it('matches a phone number with or without its country code, and only phone findings that way', () => {
    const text = 'Call our hotline on +44 20 7946 0958 or Jane on +44 20 7946 0123.';
    const base = compileInspector({ classes: ['personal_data'], defaultPhoneRegion: 'GB' });
    const phones = (ins: ReturnType<typeof compileInspector>) =>
      ins
        .inspect(text)
        .filter((f) => f.detector === 'phone-number')
        .map((f) => text.slice(f.start, f.end));
    expect(phones(base)).toEqual(['+44 20 7946 0958', '+44 20 7946 0123']);
    const allowed = compileInspector({ classes: ['personal_data'], defaultPhoneRegion: 'GB', allowedValues: [{ value: '020 7946 0958', dataClass: 'personal_data' }] });
    expect(phones(allowed)).toEqual(['+44 20 7946 0123']);
    // the suffix rule is for phone numbers: a card number is only allowed as a whole
    const av = new AllowedValues([{ value: '111111111111111' }]);
    expect(av.allows('4111111111111111', { dataClass: 'financial', detector: 'payment-card', start: 0, end: 16, confidence: 0.9 })).toBe(false);
  });

  it('limits a value to its data class when one is given', () => {
    const av = new AllowedValues([{ value: 'ACME-2231', dataClass: 'client_information' }]);
    const f = { start: 0, end: 9, confidence: 0.9, detector: 'custom:x' };
    expect(av.allows('acme 2231', { ...f, dataClass: 'client_information' })).toBe(true);
    expect(av.allows('acme 2231', { ...f, dataClass: 'financial' })).toBe(false);
  });

  it('ignores values too short to mean one thing', () => {
    expect(new AllowedValues([{ value: '-1' }, { value: 'ab' }]).size).toBe(0);
  });
});

describe('per-class thresholds', () => {
  it('raises the minimum confidence of one class without touching the others', () => {
    const text = 'Dear Maria Lopez, your card 4111 1111 1111 1111 expires soon. Write to maria.lopez@gmail.com';
    const base = compileInspector({ classes: ['personal_data', 'financial'] }).inspect(text);
    const names = base.filter((f) => f.detector.startsWith('person-name'));
    expect(names.length).toBeGreaterThan(0);
    const top = Math.max(...base.filter((f) => f.dataClass === 'personal_data').map((f) => f.confidence));
    const strict = compileInspector({ classes: ['personal_data', 'financial'], classThresholds: { personal_data: Math.min(1, top + 0.01) } }).inspect(text);
    expect(strict.filter((f) => f.dataClass === 'personal_data')).toEqual([]);
    expect(strict.filter((f) => f.dataClass === 'financial').length).toBe(base.filter((f) => f.dataClass === 'financial').length);
  });
});

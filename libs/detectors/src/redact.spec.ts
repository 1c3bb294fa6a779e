import type { Finding } from './finding';
import { compileInspector } from './inspector';
import { placeholderType, redact } from './redact';

const f = (start: number, end: number, detector: string, dataClass: string, confidence = 0.9): Finding => ({ start, end, detector, dataClass, confidence });

describe('redact', () => {
  it('replaces findings with typed placeholders, offsets into the original text', () => {
    const text = 'mail a@b.io or call +44 20 7946 0958';
    const r = redact(text, [f(5, 11, 'email', 'personal_data'), f(20, 36, 'phone-number', 'personal_data')]);
    expect(r.text).toBe('mail [EMAIL_1] or call [PHONE_1]');
    expect(r.placeholders).toEqual([
      { placeholder: '[EMAIL_1]', dataClass: 'personal_data', detector: 'email', start: 5, end: 11 },
      { placeholder: '[PHONE_1]', dataClass: 'personal_data', detector: 'phone-number', start: 20, end: 36 },
    ]);
  });
  it('gives the same value the same placeholder and different values new numbers', () => {
    const text = 'a@b.io, c@d.io, a@b.io';
    const r = redact(text, [f(0, 6, 'email', 'personal_data'), f(8, 14, 'email', 'personal_data'), f(16, 22, 'email', 'personal_data')]);
    expect(r.text).toBe('[EMAIL_1], [EMAIL_2], [EMAIL_1]');
  });
  it.each([
    ['payment-card', 'financial', 'CARD'],
    ['us-ssn', 'government_id', 'SSN'],
    ['iban', 'financial', 'IBAN'],
    ['github-token', 'credentials', 'SECRET'],
    ['password-assignment', 'credentials', 'SECRET'],
    ['custom:clients', 'client_information', 'NAME'],
    ['medication', 'health_data', 'HEALTH'],
    ['source-code', 'source_code', 'CODE'],
    ['custom:x', 'my_custom_class', 'MY_CUSTOM_CLASS'],
  ])('%s (%s) -> %s', (detector, dataClass, type) => expect(placeholderType({ detector, dataClass })).toBe(type));
  it('merges overlapping findings into one span typed after the more confident one', () => {
    const text = 'key: sk_live_abcdefghijklmnop1234 end';
    const r = redact(text, [f(5, 33, 'stripe-key', 'credentials', 0.97), f(13, 33, 'generic-secret', 'credentials', 0.8), f(5, 12, 'custom:x', 'client_information', 0.5)]);
    expect(r.text).toBe('key: [SECRET_1] end');
    expect(r.placeholders).toEqual([{ placeholder: '[SECRET_1]', dataClass: 'credentials', detector: 'stripe-key', start: 5, end: 33 }]);
  });
  it('unions partially overlapping spans so nothing leaks', () => {
    const text = '0123456789';
    const r = redact(text, [f(2, 6, 'email', 'personal_data', 0.9), f(4, 8, 'phone-number', 'personal_data', 0.95)]);
    expect(r.text).toBe('01[PHONE_1]89');
    expect(r.placeholders[0]).toMatchObject({ start: 2, end: 8 });
  });
  it('ignores findings outside the text and never returns matched values', () => {
    const text = 'secret hunter22';
    const r = redact(text, [f(7, 15, 'password-assignment', 'credentials'), f(50, 60, 'email', 'personal_data')]);
    expect(r.text).toBe('secret [SECRET_1]');
    expect(JSON.stringify(r.placeholders)).not.toContain('hunter22');
  });
  it('redacts what the inspector finds end to end', () => {
    const text = 'From jane.doe@gmail.com: card 4539 1488 0343 6467, SSN 536-22-8713, again jane.doe@gmail.com';
    const r = redact(text, compileInspector({}).inspect(text));
    expect(r.text).toBe('From [EMAIL_1]: card [CARD_1], SSN [SSN_1], again [EMAIL_1]');
  });
});

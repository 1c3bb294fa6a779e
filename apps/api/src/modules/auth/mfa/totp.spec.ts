import { Secret } from 'otpauth';
import { matchTotpStep, newTotpSecret, totpCodeAt, totpUri } from './totp';
import { newRecoveryCode, recoveryCodeHash } from './recovery-codes';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1, secret "12345678901234567890", last 6 of the 8 digits.
  const rfcSecret = Secret.fromLatin1('12345678901234567890').base32;
  test.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('the code at %i s is %s', (seconds, code) => {
    expect(totpCodeAt(rfcSecret, seconds * 1000)).toBe(code);
  });

  test('a code matches its own step and one step either side, not two', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotpStep(secret, totpCodeAt(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, totpCodeAt(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, now - 60_000), now)).toBeNull();
    expect(matchTotpStep(secret, totpCodeAt(secret, now + 60_000), now)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', now)).toBeNull();
  });

  test('secrets are 160 bits; the URI is what authenticator apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'ann@example.com', 'Airlock (Acme)'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Airlock (Acme)');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
  });

  test('recovery codes: xxxxx-xxxxx, hashed per user, dashes and case ignored', () => {
    const codes = new Set(Array.from({ length: 200 }, newRecoveryCode));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const [c] = [...codes] as [string];
    expect(recoveryCodeHash('u1', c)).toBe(recoveryCodeHash('u1', ` ${c.replace('-', '').toUpperCase()} `));
    expect(recoveryCodeHash('u1', c)).not.toBe(recoveryCodeHash('u2', c));
  });
});

import type { AppConfig } from '../../../config/config';
import type { SsoConnectionRepository } from './sso-connection.repository';
import { SSO_STATE_TTL_SECONDS, SsoStateSealer } from './sso-state-cookie';

const sealer = (secret = 'a'.repeat(40)) => new SsoStateSealer({} as SsoConnectionRepository, { secret } as AppConfig);
const state = { organizationId: 'org', connectionId: 'conn', checks: { code_verifier: 'v', state: 's', nonce: 'n' } };

describe('SsoStateSealer', () => {
  test('opens what it sealed, and nothing reads the checks in the sealed form', async () => {
    const s = sealer();
    const sealed = await s.seal(state);
    expect(sealed).not.toContain('code_verifier');
    expect(await s.open(sealed)).toMatchObject(state);
  });

  test('refuses an altered, truncated, foreign or expired value', async () => {
    const s = sealer();
    const sealed = await s.seal(state, 1_000);
    const [v, iv, body, tag] = sealed.split('.') as [string, string, string, string];
    const flip = (x: string) => (x[0] === 'A' ? 'B' : 'A') + x.slice(1);
    for (const bad of [
      [v, iv, flip(body), tag].join('.'),
      [v, flip(iv), body, tag].join('.'),
      [v, iv, body, flip(tag)].join('.'),
      // A truncated GCM tag would make forgery cheap: refused outright.
      [v, iv, body, Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url')].join('.'),
      ['v2', iv, body, tag].join('.'),
      `${sealed}.extra`.split('.').slice(0, 3).join('.'),
      '',
      'x'.repeat(9000),
    ]) {
      expect(await s.open(bad, 2_000)).toBeNull();
    }
    expect(await sealer('b'.repeat(40)).open(sealed, 2_000)).toBeNull();
    expect(await s.open(sealed, 1_000 + SSO_STATE_TTL_SECONDS * 1000 - 1)).not.toBeNull();
    expect(await s.open(sealed, 1_000 + SSO_STATE_TTL_SECONDS * 1000)).toBeNull();
  });
});

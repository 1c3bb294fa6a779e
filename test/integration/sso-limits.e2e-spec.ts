/**
 * Single sign-on has a per-address budget of its own (AIRLOCK_SSO_RATE_LIMIT_PER_IP), apart from the
 * password sign-in's: a whole office behind one NAT address signs in through SSO at nine without
 * using up the passwords' budget, and a password attack from that address does not lock SSO out.
 * Over its budget, an SSO navigation lands on the sign-in page with the reason, not on JSON.
 */
import { startTestApp, type TestApp } from '../support/test-app';

describe('SSO limits apart from the password sign-in', () => {
  let t: TestApp;
  let slug: string;

  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_LOGIN_RATE_LIMIT_PER_IP: '3', AIRLOCK_SSO_RATE_LIMIT_PER_IP: '8' });
    slug = (await t.prisma.organization.findFirstOrThrow()).slug;
  });

  afterAll(async () => {
    await t?.close();
  });

  const start = async () => {
    const res = await t.request(`/api/auth/sso/start?org=${slug}`, { redirect: 'manual' });
    // Refusals name the public URL, the error filter a path: the sign-in page either way.
    return `${res.status} ${res.headers.get('location')!.replace(/^https?:\/\/[^/]+/, '')}`;
  };
  const wrongPassword = async () => (await t.request('/api/auth/login', { method: 'POST', json: { email: 'nobody@example.com', password: 'not the password' } })).status;

  test('the password budget used up leaves SSO answering; SSO over its own budget lands on the sign-in page with the reason', async () => {
    // The password budget (3 a minute) used up from this address.
    expect([await wrongPassword(), await wrongPassword(), await wrongPassword(), await wrongPassword()]).toEqual([401, 401, 401, 429]);

    // SSO is not: eight starts are answered (no connection here: the sign-in page says so), the ninth is over its own budget.
    const answers = [];
    for (let i = 0; i < 9; i++) answers.push(await start());
    expect(answers.slice(0, 8)).toEqual(Array(8).fill('302 /#/login?sso_error=not_configured'));
    expect(answers[8]).toBe('302 /#/login?sso_error=rate_limited');
    const limited = await t.request(`/api/auth/sso/start?org=${slug}`, { redirect: 'manual' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.text()).toBe('');
  });
});

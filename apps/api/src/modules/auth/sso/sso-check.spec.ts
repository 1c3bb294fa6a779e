import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkOidcIssuer } from './sso-check';

/** A stand-in identity provider whose discovery answer each test chooses. */
function provider(answer: (issuer: string) => { status: number; body: string }): Promise<{ issuer: string; server: Server }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { status, body } = req.url === '/.well-known/openid-configuration' ? answer(issuer) : { status: 404, body: '' };
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
    server.listen(0, '127.0.0.1', () => resolve({ issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }));
  });
}

const metadata = (issuer: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/me`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    ...extra,
  });

describe('SSO connection check (OpenID discovery)', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));
  const start = async (answer: Parameters<typeof provider>[0]) => {
    const p = await provider(answer);
    servers.push(p.server);
    return p.issuer;
  };

  test('a working provider: its endpoints, and what it does not advertise', async () => {
    const issuer = await start((iss) => ({
      status: 200,
      body: metadata(iss, { end_session_endpoint: `${iss}/logout`, code_challenge_methods_supported: ['S256'], scopes_supported: ['openid', 'email'], claims_supported: ['sub', 'email', 'roles'] }),
    }));
    const check = await checkOidcIssuer({ issuer, scopes: 'openid email profile groups', groupsClaim: 'groups' });
    expect(check).toMatchObject({
      ok: true,
      authorizationEndpoint: `${issuer}/auth`,
      tokenEndpoint: `${issuer}/token`,
      userinfoEndpoint: `${issuer}/me`,
      endSessionEndpoint: `${issuer}/logout`,
      pkceS256: true,
      unlistedScopes: ['profile', 'groups'],
      groupsClaimListed: false,
    });
  });

  test('a provider that publishes no lists: nothing is reported missing', async () => {
    const issuer = await start((iss) => ({ status: 200, body: metadata(iss) }));
    expect(await checkOidcIssuer({ issuer, groupsClaim: 'groups' })).toMatchObject({ ok: true, unlistedScopes: [], groupsClaimListed: null, pkceS256: false });
  });

  test('failures are said in words', async () => {
    const notFound = await start(() => ({ status: 404, body: '' }));
    expect((await checkOidcIssuer({ issuer: notFound })).message).toMatch(/No OpenID discovery document at .*HTTP 404/);

    const other = await start(() => ({ status: 200, body: metadata('https://login.example.com/tenant') }));
    expect((await checkOidcIssuer({ issuer: other })).message).toMatch(/names a different issuer/);

    const notJson = await start(() => ({ status: 200, body: '<html>sign in</html>' }));
    expect(await checkOidcIssuer({ issuer: notJson })).toMatchObject({ ok: false });

    const closed = await start(() => ({ status: 200, body: '' }));
    servers.pop()!.close();
    await new Promise((r) => setTimeout(r, 50));
    expect((await checkOidcIssuer({ issuer: closed })).message).toMatch(/Nothing accepts connections/);
  });
});

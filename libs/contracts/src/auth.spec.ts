import { domainName, idpUrl, ssoConnectionInput } from './auth';

describe('domain names (verified domains)', () => {
  test.each([
    [' Corp.Example.COM. ', 'corp.example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['a-b.co.uk', 'a-b.co.uk'],
  ])('%j → %s', (input, out) => expect(domainName.parse(input)).toBe(out));

  test.each(['example.com/x', 'https://example.com', 'example.com:443', 'user@example.com', '10.0.0.1', 'localhost', '-bad.com', 'bad-.com', 'a..com', 'a b.com', 'x'.repeat(64) + '.com', ''])('%j is refused', (input) => {
    expect(domainName.safeParse(input).success).toBe(false);
  });
});

describe('the SSO connection input', () => {
  test('each protocol requires its own fields, and only those', () => {
    expect(ssoConnectionInput.safeParse({ issuer: 'https://idp.example', clientId: 'x' }).success).toBe(true);
    expect(ssoConnectionInput.safeParse({ protocol: 'saml', issuer: 'https://idp.example', clientId: 'x' }).success).toBe(false);
    expect(ssoConnectionInput.safeParse({ protocol: 'saml', samlIdpEntityId: 'urn:x', samlSsoUrl: 'https://idp.example/sso?idpid=1' }).success).toBe(true);
    expect(ssoConnectionInput.safeParse({ samlIdpEntityId: 'urn:x', samlSsoUrl: 'https://idp.example/sso' }).success).toBe(false);
    expect(ssoConnectionInput.parse({ protocol: 'saml', samlIdpEntityId: 'urn:x', samlSsoUrl: 'https://idp.example/sso', samlEmailAttribute: '  ' }).samlEmailAttribute).toBeNull();
  });

  test('identity provider URLs: https, or http on this machine; a query but no fragment', () => {
    expect(idpUrl.safeParse('https://accounts.google.com/o/saml2/idp?idpid=C0abc').success).toBe(true);
    expect(idpUrl.safeParse('http://127.0.0.1:8080/sso').success).toBe(true);
    expect(idpUrl.safeParse('http://idp.example/sso').success).toBe(false);
    expect(idpUrl.safeParse('https://idp.example/sso#x').success).toBe(false);
    expect(idpUrl.safeParse('javascript:alert(1)').success).toBe(false);
  });
});

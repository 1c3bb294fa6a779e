import { isDnsServer } from '../../../config/config';
import { samlIdentity, SamlIdentityError } from './saml-identity';
import { generateSamlKeys } from './saml-keys';
import { certificateInfo, normalizeCertificate, parseIdpMetadata, SamlMetadataError } from './saml-metadata';

const profile = (p: Record<string, unknown>) => ({ issuer: 'https://idp.example/', nameID: 'ada@corp.test', nameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', ...p }) as never;
const none = { email: null, name: null, groups: null };

describe('SAML identity from an assertion', () => {
  test('defaults: Okta-style names, then Entra ID claim URIs, then the NameID for the e-mail', () => {
    expect(samlIdentity('https://idp.example/', profile({ attributes: { email: 'Ada@Corp.test', name: 'Ada L', groups: ['a', 'b', 'a', ''] } }), none)).toEqual({
      issuer: 'https://idp.example/',
      subject: 'ada@corp.test',
      email: 'ada@corp.test',
      emailVerified: null,
      name: 'Ada L',
      groups: ['a', 'b'],
    });
    const entra = samlIdentity(
      'x',
      profile({
        nameID: 'opaque-object-id',
        nameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        attributes: {
          'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': 'erin@corp.test',
          'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname': 'Erin',
          'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname': 'Entra',
          'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': 'g1',
        },
      }),
      none,
    );
    expect(entra).toMatchObject({ subject: 'opaque-object-id', email: 'erin@corp.test', name: 'Erin Entra', groups: ['g1'] });
    expect(samlIdentity('x', profile({ attributes: {} }), none)).toMatchObject({ email: 'ada@corp.test', name: 'ada@corp.test', groups: [] });
    expect(samlIdentity('x', profile({ nameID: 'not-an-address', attributes: {} }), none).email).toBeNull();
  });

  test('configured names win, matched without regard to case; complex values and non-addresses are ignored', () => {
    const p = profile({ attributes: { Mail: 'x@corp.test', email: 'other@corp.test', Department: ['d1'], groups: ['g'], nested: { a: 1 } } });
    expect(samlIdentity('x', p, { email: 'mail', name: null, groups: 'department' })).toMatchObject({ email: 'x@corp.test', groups: ['d1'] });
    expect(samlIdentity('x', profile({ attributes: { email: 'not an address' } }), none).email).toBe('ada@corp.test');
  });

  test('a transient or missing NameID is refused', () => {
    expect(() => samlIdentity('x', profile({ nameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' }), none)).toThrow(SamlIdentityError);
    expect(() => samlIdentity('x', profile({ nameID: '' }), none)).toThrow(/no NameID/);
  });
});

describe('IdP metadata', () => {
  let cert: string;
  beforeAll(async () => {
    cert = (await generateSamlKeys('idp.example')).certificate;
  });
  const b64 = () => cert.replace(/-----[^-]+-----|\s/g, '');
  const md = (inner: string, entity = 'https://idp.example/') =>
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entity}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${inner}</md:IDPSSODescriptor></md:EntityDescriptor>`;
  const key = (use?: string) => `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n${b64()}\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
  const sso = (binding: string) => `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:${binding}" Location="https://idp.example/sso/${binding}"/>`;

  test('entity id, the Redirect-binding URLs and the signing certificates', () => {
    const m = parseIdpMetadata(md(key('encryption') + key('signing') + key() + sso('HTTP-POST') + sso('HTTP-Redirect') + '<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/slo"/>'));
    expect(m).toMatchObject({ entityId: 'https://idp.example/', ssoUrl: 'https://idp.example/sso/HTTP-Redirect', sloUrl: 'https://idp.example/slo' });
    expect(m.certificates).toEqual([normalizeCertificate(cert)]);
    // Wrapped in an EntitiesDescriptor with one identity provider.
    expect(parseIdpMetadata(`<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${md(key() + sso('HTTP-Redirect'))}</md:EntitiesDescriptor>`).entityId).toBe('https://idp.example/');
  });

  test('what cannot be used says why', () => {
    expect(() => parseIdpMetadata(md(key() + sso('HTTP-POST')))).toThrow(/no single sign-on service with the HTTP-Redirect binding \(it offers: HTTP-POST\)/);
    expect(() => parseIdpMetadata(md(sso('HTTP-Redirect')))).toThrow(/no signing certificate/);
    expect(() => parseIdpMetadata(md(key() + sso('HTTP-Redirect'), ''))).toThrow(/no entityID/);
    expect(() => parseIdpMetadata('<x/>')).toThrow(/no EntityDescriptor/);
    expect(() => parseIdpMetadata('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"')).toThrow(SamlMetadataError);
    expect(() => parseIdpMetadata(`<!DOCTYPE lol [<!ENTITY a "aaaa">]>${md(key() + sso('HTTP-Redirect'))}`)).toThrow(/DOCTYPE/);
    const two = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${md(key() + sso('HTTP-Redirect'))}${md(key() + sso('HTTP-Redirect'), 'https://b/')}</md:EntitiesDescriptor>`;
    expect(() => parseIdpMetadata(two)).toThrow(/describes 2 identity providers/);
  });

  test('certificates: PEM or bare base64, read; garbage refused', () => {
    expect(normalizeCertificate(b64())).toBe(normalizeCertificate(cert));
    expect(() => normalizeCertificate('MII' + 'A'.repeat(300))).toThrow(/could not be read/);
    expect(() => normalizeCertificate('not base64 !')).toThrow(/not base64/);
    const info = certificateInfo(cert, Date.now());
    expect(info).toMatchObject({ subject: expect.stringContaining('CN=idp.example'), expired: false, expiresSoon: false });
    expect(certificateInfo(cert, Date.now() + 11 * 365 * 86_400_000).expired).toBe(true);
    expect(certificateInfo(cert, new Date(info.notAfter).getTime() - 86_400_000).expiresSoon).toBe(true);
  });
});

describe('AIRLOCK_DNS_SERVERS entries', () => {
  test.each([
    ['10.0.0.2', true],
    ['10.0.0.2:5353', true],
    ['::1', true],
    ['[::1]:53', true],
    ['[::1]', true],
    ['dns.example', false],
    ['10.0.0.2:0', false],
    ['10.0.0.2:70000', false],
    ['010.1', false],
    ['[nope]:53', false],
  ])('%s → %s', (value, ok) => expect(isDnsServer(value)).toBe(ok));
});

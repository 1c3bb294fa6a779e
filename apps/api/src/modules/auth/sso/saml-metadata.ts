import { X509Certificate } from 'node:crypto';
import { createRequire } from 'node:module';
import type { SamlCertificateInfo } from '@airlock/contracts';
import { toPem } from './saml-keys';

/**
 * The few DOM members read here. xmldom's own typings pull TypeScript's DOM library into the whole
 * program (and with it the browser's fetch types), so it is loaded untyped and described here.
 */
interface XmlElement {
  localName: string;
  namespaceURI: string | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagNameNS(ns: string, name: string): ArrayLike<XmlElement>;
}
interface XmlDomParser {
  parseFromString(xml: string, type: string): { documentElement: XmlElement | null } | undefined;
}
const { DOMParser } = createRequire(__filename)('@xmldom/xmldom') as {
  DOMParser: new (options: { locator: object; errorHandler: Record<'warning' | 'error' | 'fatalError', (message: string) => void> }) => XmlDomParser;
};

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const EXPIRES_SOON_MS = 30 * 86_400_000;

/** Metadata Airlock cannot use, with the reason in words (the console shows it). */
export class SamlMetadataError extends Error {}

export interface IdpMetadata {
  entityId: string;
  ssoUrl: string;
  sloUrl: string | null;
  /** PEM, signing certificates only. */
  certificates: string[];
}

/**
 * The identity provider's entity id, single sign-on and logout URLs (HTTP-Redirect binding) and
 * signing certificates from its SAML metadata (an EntityDescriptor, or an EntitiesDescriptor holding
 * exactly one identity provider). A DOCTYPE is refused (entity expansion), and so is metadata
 * without a usable certificate or a Redirect-binding sign-on service.
 */
export function parseIdpMetadata(xml: string): IdpMetadata {
  if (/<!DOCTYPE/i.test(xml)) throw new SamlMetadataError('The metadata has a DOCTYPE, which SAML metadata never needs: refused.');
  const problems: string[] = [];
  const doc = new DOMParser({
    locator: {},
    errorHandler: { warning: () => undefined, error: (m: string) => problems.push(m), fatalError: (m: string) => problems.push(m) },
  }).parseFromString(xml, 'text/xml');
  const root = doc?.documentElement;
  if (!root || problems.length || root.localName === 'parsererror') throw new SamlMetadataError(`This is not well-formed XML${problems[0] ? `: ${String(problems[0]).split('\n')[0]!.slice(0, 200)}` : ''}.`);
  const entities = root.namespaceURI === MD && root.localName === 'EntityDescriptor' ? [root] : Array.from(root.getElementsByTagNameNS(MD, 'EntityDescriptor'));
  if (!entities.length) throw new SamlMetadataError('This is not SAML metadata: there is no EntityDescriptor (urn:oasis:names:tc:SAML:2.0:metadata).');
  const idps = entities.flatMap((e) =>
    Array.from(e.getElementsByTagNameNS(MD, 'IDPSSODescriptor'))
      .filter((d) => (d.getAttribute('protocolSupportEnumeration') ?? '').split(/\s+/).includes(SAML2_PROTOCOL))
      .map((d) => ({ entity: e, descriptor: d })),
  );
  if (idps.length === 0) throw new SamlMetadataError('The metadata describes no SAML 2.0 identity provider (IDPSSODescriptor): is it the service provider\'s metadata?');
  if (idps.length > 1) throw new SamlMetadataError(`The metadata describes ${idps.length} identity providers: download the metadata of the one application you set up for Airlock.`);
  const { entity, descriptor } = idps[0]!;
  const entityId = (entity.getAttribute('entityID') ?? '').trim();
  if (!entityId) throw new SamlMetadataError('The EntityDescriptor has no entityID.');

  const services = (name: string) =>
    Array.from(descriptor.getElementsByTagNameNS(MD, name)).map((s) => ({ binding: s.getAttribute('Binding') ?? '', location: (s.getAttribute('Location') ?? '').trim() }));
  const sso = services('SingleSignOnService');
  const ssoUrl = sso.find((s) => s.binding === REDIRECT_BINDING)?.location;
  if (!ssoUrl) {
    const offered = sso.map((s) => s.binding.replace(/^.*:/, '')).join(', ') || 'none';
    throw new SamlMetadataError(`The identity provider offers no single sign-on service with the HTTP-Redirect binding (it offers: ${offered}); Airlock sends sign-in requests that way.`);
  }
  const sloUrl = services('SingleLogoutService').find((s) => s.binding === REDIRECT_BINDING)?.location || null;

  const certificates: string[] = [];
  for (const kd of Array.from(descriptor.getElementsByTagNameNS(MD, 'KeyDescriptor'))) {
    const use = kd.getAttribute('use');
    if (use && use !== 'signing') continue;
    for (const c of Array.from(kd.getElementsByTagNameNS(DS, 'X509Certificate'))) {
      const pem = normalizeCertificate(c.textContent ?? '');
      if (!certificates.includes(pem)) certificates.push(pem);
    }
  }
  if (!certificates.length) throw new SamlMetadataError('The metadata carries no signing certificate (KeyDescriptor with an X509Certificate): Airlock needs it to check the signed assertions.');
  return { entityId, ssoUrl, sloUrl, certificates: certificates.slice(0, 5) };
}

/** A certificate as PEM, from PEM or bare base64 (whitespace anywhere); throws SamlMetadataError when it is not an X.509 certificate. */
export function normalizeCertificate(text: string): string {
  const base64 = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new SamlMetadataError('A signing certificate is not base64 (PEM or the X509Certificate text of the metadata).');
  const pem = toPem(base64, 'CERTIFICATE');
  try {
    new X509Certificate(pem);
  } catch {
    throw new SamlMetadataError('A signing certificate could not be read as an X.509 certificate.');
  }
  return pem;
}

/** What the SSO page shows of a certificate: who it names, until when, its SHA-256 fingerprint. */
export function certificateInfo(pem: string, now = Date.now()): SamlCertificateInfo {
  const cert = new X509Certificate(pem);
  const notAfter = new Date(cert.validTo);
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    notAfter: notAfter.toISOString(),
    expired: notAfter.getTime() <= now,
    expiresSoon: notAfter.getTime() > now && notAfter.getTime() - now < EXPIRES_SOON_MS,
    sha256: cert.fingerprint256,
  };
}

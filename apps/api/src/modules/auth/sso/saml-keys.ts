// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata polyfill (Nest loads it too).
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

const KEY_ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;
const TEN_YEARS_MS = 10 * 365 * 86_400_000;

/**
 * A key pair for one organization's SAML service provider, with a self-signed certificate (as SAML
 * metadata carries keys: identity providers pin the certificate, no CA is involved). It signs the
 * AuthnRequests and LogoutRequests Airlock sends; the certificate is published in the SP metadata.
 * `commonName`: the service provider's host, so an admin recognises it at the identity provider.
 */
export async function generateSamlKeys(commonName: string, now = new Date()): Promise<{ privateKey: string; certificate: string }> {
  const crypto = webcrypto as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[1] & typeof webcrypto;
  const keys = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
      name: `CN=${commonName.replace(/[,=+<>#;"\\]/g, '')}, O=Airlock SAML service provider`,
      notBefore: new Date(now.getTime() - 86_400_000),
      notAfter: new Date(now.getTime() + TEN_YEARS_MS),
      signingAlgorithm: KEY_ALGORITHM,
      keys,
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
    },
    crypto,
  );
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { privateKey: toPem(pkcs8.toString('base64'), 'PRIVATE KEY'), certificate: cert.toString('pem') };
}

/** Base64 in PEM armour, 64 characters a line. */
export function toPem(base64: string, label: 'CERTIFICATE' | 'PRIVATE KEY'): string {
  const body = base64.replace(/\s+/g, '').match(/.{1,64}/g)?.join('\n') ?? '';
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

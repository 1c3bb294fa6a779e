import { createPrivateKey, X509Certificate } from 'node:crypto';

/** A destination as it will be after a create or an update (the fields the rules look at). */
export interface DestinationShape {
  transport: string;
  format: string;
  host: string | null;
  port: number | null;
  httpPreset: string | null;
  url: string | null;
  caCert: string | null;
  clientCert: string | null;
  /** Whether a client key is (or will be) stored. */
  hasClientKey: boolean;
  /** The new client key, when one is being set (checked against the certificate). */
  clientKey: string | null;
}

export interface Problem {
  path: string;
  message: string;
}

/** The PEM blocks of one kind in a text (a CA bundle has several). */
function pemBlocks(text: string, label: RegExp): string[] {
  const re = new RegExp(`-----BEGIN (${label.source})-----[\\s\\S]+?-----END \\1-----`, 'g');
  return [...text.matchAll(re)].map((m) => m[0]);
}

/**
 * What is wrong with a destination as a whole: the fields its transport needs, a format the
 * transport cannot carry, certificates and a key that do not parse or do not belong together.
 */
export function destinationProblems(d: DestinationShape): Problem[] {
  const problems: Problem[] = [];
  if (d.transport === 'http') {
    if (!d.url) problems.push({ path: 'url', message: 'is required for an HTTP destination' });
    if (!d.httpPreset) problems.push({ path: 'httpPreset', message: 'is required for an HTTP destination (splunk_hec, elastic or generic)' });
    if (d.format === 'cef') problems.push({ path: 'format', message: 'HTTP batches are JSON lines: choose json or ocsf' });
  } else {
    if (!d.host) problems.push({ path: 'host', message: 'is required for a syslog destination' });
    if (!d.port) problems.push({ path: 'port', message: 'is required for a syslog destination (6514 is the usual port for TLS, 514 or 601 for TCP)' });
  }
  let cert: X509Certificate | null = null;
  if (d.caCert) {
    const blocks = pemBlocks(d.caCert, /CERTIFICATE/);
    if (!blocks.length) problems.push({ path: 'caCert', message: 'holds no certificate' });
    for (const [i, b] of blocks.entries()) {
      try {
        new X509Certificate(b);
      } catch {
        problems.push({ path: 'caCert', message: `certificate ${i + 1} cannot be read` });
      }
    }
  }
  if (d.clientCert) {
    try {
      cert = new X509Certificate(pemBlocks(d.clientCert, /CERTIFICATE/)[0] ?? '');
    } catch {
      problems.push({ path: 'clientCert', message: 'cannot be read as a certificate' });
    }
  }
  if (d.clientKey) {
    try {
      const key = createPrivateKey(d.clientKey);
      if (cert && !cert.checkPrivateKey(key)) problems.push({ path: 'clientKey', message: 'does not belong to the client certificate' });
    } catch {
      problems.push({ path: 'clientKey', message: 'cannot be read as a private key (PEM, not encrypted)' });
    }
  }
  if (d.clientCert && !d.hasClientKey) problems.push({ path: 'clientKey', message: 'is required with a client certificate' });
  if (d.hasClientKey && !d.clientCert) problems.push({ path: 'clientCert', message: 'is required with a client key' });
  return problems;
}

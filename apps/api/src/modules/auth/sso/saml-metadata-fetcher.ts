import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { PublicUrlGuard, type ResolvedAddress, WebhookUrlRefused } from '../../webhooks/webhook-url-guard';
import { SamlMetadataError } from './saml-metadata';

const TIMEOUT_MS = 10_000;
const MAX_BYTES = 1024 * 1024;

function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean } | undefined, callback: (...args: unknown[]) => void) => {
    if (options && typeof options === 'object' && options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
}

/**
 * Fetches an identity provider's SAML metadata from the URL an admin gave, with the webhooks' SSRF
 * rules (PublicUrlGuard: public addresses only unless AIRLOCK_SSO_ALLOW_PRIVATE names the host or
 * its network, the connection pinned to the vetted address, no redirect followed), at most 1 MiB
 * within 10 s. Failures are SamlMetadataError with the reason in words.
 */
@Injectable()
export class SamlMetadataFetcher {
  readonly guard: PublicUrlGuard;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.guard = new PublicUrlGuard(config.ssoAllowPrivate, 'AIRLOCK_SSO_ALLOW_PRIVATE', 'identity provider metadata URLs');
  }

  async fetch(rawUrl: string): Promise<string> {
    let target;
    try {
      target = await this.guard.vet(rawUrl);
    } catch (err) {
      if (err instanceof WebhookUrlRefused) throw new SamlMetadataError(`The metadata URL ${err.message}.`);
      throw err;
    }
    const isHttps = target.url.protocol === 'https:';
    const request = isHttps ? https.request : http.request;
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const fail = (message: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(new SamlMetadataError(message));
      };
      const req = request(
        {
          method: 'GET',
          protocol: target.url.protocol,
          hostname: target.hostname,
          port: target.url.port || (isHttps ? 443 : 80),
          path: `${target.url.pathname}${target.url.search}`,
          headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml', 'user-agent': 'Airlock-SAML/1' },
          lookup: pinnedLookup(target.addresses[0]!),
          agent: false,
        },
        (res: IncomingMessage) => {
          const code = res.statusCode ?? 0;
          if (code >= 300 && code < 400) return fail(`${rawUrl} answered a redirect (HTTP ${code}), which is not followed: enter the metadata URL it points to.`);
          if (code !== 200) return fail(`${rawUrl} answered HTTP ${code}.`);
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BYTES) fail(`The metadata at ${rawUrl} is larger than 1 MiB.`);
            else chunks.push(chunk);
          });
          res.on('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          res.on('error', (err) => fail(`Reading ${rawUrl} failed: ${err.message}`));
        },
      );
      const timer = setTimeout(() => fail(`${rawUrl} did not answer within ${TIMEOUT_MS / 1000} s.`), TIMEOUT_MS);
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED') fail(`Nothing accepts connections at ${rawUrl}: check the URL and port.`);
        else if (/certificate|self[- ]signed|CERT_|SSL|TLS/i.test(`${err.code ?? ''} ${err.message}`)) fail(`The TLS certificate of ${target.hostname} is not trusted by the Airlock server.`);
        else fail(`${rawUrl} could not be fetched: ${(err.code ? `${err.code}: ` : '') + err.message.slice(0, 200)}`);
      });
      req.end();
    });
  }
}

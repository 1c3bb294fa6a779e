import { Resolver } from 'node:dns/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';

const TIMEOUT_MS = 3000;

/** The TXT strings of a name, or why there are none in words (never throws). */
export type TxtLookup = { ok: true; records: string[] } | { ok: false; reason: string };

/**
 * TXT lookups for domain verification through node:dns's Resolver (c-ares, not the system's
 * getaddrinfo), on the servers AIRLOCK_DNS_SERVERS names, else the system's resolvers: 3 s a try,
 * two tries. The strings of one record (split at 255 characters by DNS) are joined back.
 */
@Injectable()
export class DnsTxtResolver {
  private readonly servers: string[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.servers = config.dnsServers;
  }

  async txt(name: string): Promise<TxtLookup> {
    const resolver = new Resolver({ timeout: TIMEOUT_MS, tries: 2 });
    if (this.servers.length) resolver.setServers(this.servers);
    try {
      const records = await resolver.resolveTxt(name);
      return { ok: true, records: records.map((chunks) => chunks.join('')) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND' || code === 'ENODATA') return { ok: true, records: [] };
      if (code === 'ETIMEOUT') return { ok: false, reason: `The DNS servers did not answer for ${name} within ${(TIMEOUT_MS * 2) / 1000} s; try again later.` };
      if (code === 'ESERVFAIL') return { ok: false, reason: `The DNS servers failed to answer for ${name} (SERVFAIL): check the domain's DNS (DNSSEC, delegation).` };
      if (code === 'ECONNREFUSED') return { ok: false, reason: 'The DNS servers Airlock asks refused the connection (AIRLOCK_DNS_SERVERS).' };
      if (code === 'EREFUSED') return { ok: false, reason: `The DNS servers refused to answer for ${name}.` };
      return { ok: false, reason: `The TXT records of ${name} could not be read (${code ?? (err as Error).message}).` };
    }
  }
}

import { isIP } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PublicUrlGuard } from '../webhooks/webhook-url-guard';
import type { PinnedTarget } from './siem-transport';

/**
 * The webhooks' SSRF rules for SIEM destinations: public unicast addresses only, unless
 * AIRLOCK_SIEM_ALLOW_PRIVATE lists the host or a CIDR (a collector on the LAN; loopback in tests).
 * Checked when a destination is saved and on every connection, which is pinned to the address checked.
 */
@Injectable()
export class SiemUrlGuard extends PublicUrlGuard {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config.siemAllowPrivate, 'AIRLOCK_SIEM_ALLOW_PRIVATE', 'SIEM destinations');
  }

  /** Vets a host and port (syslog) the way a URL is vetted; answers the address to connect to. */
  async vetHost(hostname: string, port: number, scheme: 'tcp' | 'http' | 'https' = 'tcp'): Promise<PinnedTarget> {
    const host = isIP(hostname) === 6 ? `[${hostname}]` : hostname;
    const vetted = await this.vet(`${scheme === 'http' ? 'http' : 'https'}://${host}:${port}/`);
    const first = vetted.addresses[0]!;
    return { hostname: vetted.hostname, address: first.address, family: first.family, port };
  }
}

import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import ipaddr from 'ipaddr.js';
import { APP_CONFIG, type AppConfig } from '../../config/config';

export class WebhookUrlRefused extends Error {}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** A URL whose every address was checked; deliveries connect to `addresses[0]`, never resolving again. */
export interface VettedTarget {
  url: URL;
  /** Host name without IPv6 brackets (for SNI, the Host header and certificate checks). */
  hostname: string;
  addresses: ResolvedAddress[];
}

export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

const systemLookup: HostLookup = async (hostname) => {
  const found = await dns.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** A name that has not resolved within this time counts as not resolving (a resolver that hangs). */
const LOOKUP_DEADLINE_MS = 5_000;

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('lookup timed out')), ms);
    timer.unref();
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

const RANGE_WORDS: Partial<Record<string, string>> = {
  loopback: 'a loopback address',
  private: 'a private (RFC 1918) address',
  carrierGradeNat: 'a carrier-grade NAT (100.64.0.0/10) address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique-local (fc00::/7) address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
};

const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254']);

/** Why an address is refused, in words an admin understands; null when it is a public unicast address. */
export function describeNonPublic(address: ipaddr.IPv4 | ipaddr.IPv6): string | null {
  const range = address.range();
  if (range === 'unicast') return null;
  const text = address.toString();
  if (METADATA_ADDRESSES.has(text)) return `${text} is the cloud metadata address`;
  const words = RANGE_WORDS[range];
  return words ? `${text} is ${words}` : `${text} is a special-purpose (${range}) address`;
}

/**
 * The IPv4 addresses an IPv6 address carries and a network would route to: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d, deprecated but still parsed and routed by some
 * stacks), NAT64 (64:ff9b::/96, RFC 6052), 6to4 (2002:AABB:CCDD::/48) and Teredo (2001:0::/32: the
 * server and the obfuscated client address). Empty for any other address.
 */
export function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const w = address.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (address.isIPv4MappedAddress()) return [address.toIPv4Address()];
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  // ::a.b.c.d; :: and ::1 are the unspecified and loopback addresses, judged as IPv6.
  if (zeros(0, 6) && (w[6] !== 0 || w[7]! > 1)) return [v4(w[6]!, w[7]!)];
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return [v4(w[6]!, w[7]!)];
  if (w[0] === 0x2002) return [v4(w[1]!, w[2]!)];
  if (w[0] === 0x2001 && w[1] === 0) return [v4(w[2]!, w[3]!), v4(w[6]! ^ 0xffff, w[7]! ^ 0xffff)];
  return [];
}

/**
 * SSRF protection for URLs the API connects to on an admin's word (webhook targets, gateway
 * upstreams). `setting` names the environment variable that allows private addresses.
 */
export class PublicUrlGuard {
  private readonly allowHosts = new Set<string>();
  private readonly allowCidrs: Cidr[] = [];
  private lookup: HostLookup = systemLookup;

  constructor(
    allowPrivate: readonly string[],
    private readonly setting: string,
    private readonly what: string,
  ) {
    for (const entry of allowPrivate) {
      const e = entry.trim().toLowerCase();
      if (!e) continue;
      if (e.includes('/')) {
        try {
          this.allowCidrs.push(ipaddr.parseCIDR(e));
        } catch {
          throw new Error(`${setting}: "${entry}" is not a valid CIDR`);
        }
      } else if (isIP(e.replace(/^\[|\]$/g, ''))) {
        const a = ipaddr.parse(e.replace(/^\[|\]$/g, ''));
        this.allowCidrs.push([a, a.kind() === 'ipv4' ? 32 : 128]);
      } else {
        this.allowHosts.add(e.replace(/\.$/, ''));
      }
    }
  }

  /** Tests replace DNS to play a rebinding attack; production uses the system resolver. */
  setLookup(lookup: HostLookup | null): void {
    this.lookup = lookup ?? systemLookup;
  }

  async vet(rawUrl: string): Promise<VettedTarget> {
    return this.vetAddresses(rawUrl, 'refuse');
  }

  /**
   * The check when an admin saves a target: the same refusals as `vet`, except that a host name
   * that does not resolve (yet: a receiver still being set up, DNS not published) is accepted with a
   * warning in words. Nothing is connected to; every delivery runs `vet` again.
   */
  async vetForSave(rawUrl: string): Promise<{ warnings: string[] }> {
    const vetted = await this.vetAddresses(rawUrl, 'warn');
    return { warnings: vetted.addresses.length ? [] : [this.unresolvedWarning(vetted.hostname)] };
  }

  private unresolvedWarning(hostname: string): string {
    return `Host ${hostname} does not resolve (yet). Saved anyway: each delivery looks the name up again and checks its addresses, and deliveries fail (and are retried) until it resolves to a public address.`;
  }

  private async vetAddresses(rawUrl: string, unresolved: 'refuse' | 'warn'): Promise<VettedTarget> {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new WebhookUrlRefused('is not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookUrlRefused('must be an http or https URL');
    if (url.username || url.password) throw new WebhookUrlRefused('must not contain a user name or password');
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: ResolvedAddress[];
    if (isIP(hostname)) {
      addresses = [{ address: hostname, family: isIP(hostname) === 6 ? 6 : 4 }];
    } else {
      try {
        addresses = await withDeadline(this.lookup(hostname), LOOKUP_DEADLINE_MS);
      } catch {
        addresses = [];
      }
      if (!addresses.length) {
        if (unresolved === 'warn') return { url, hostname, addresses: [] };
        throw new WebhookUrlRefused(`host ${hostname} cannot be resolved`);
      }
    }
    const hostAllowed = this.allowHosts.has(hostname.toLowerCase().replace(/\.$/, ''));
    for (const a of addresses) {
      const problem = this.problemWith(a.address, hostAllowed);
      if (problem) {
        const via = isIP(hostname) ? '' : `${hostname} resolves to `;
        throw new WebhookUrlRefused(`${via}${problem}: ${this.what} may only target public addresses (${this.setting} can allow a private one)`);
      }
    }
    return { url, hostname, addresses };
  }

  private problemWith(address: string, hostAllowed: boolean): string | null {
    let parsed: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      parsed = ipaddr.parse(address);
    } catch {
      return `${address} is not an IP address`;
    }
    const judged = parsed.kind() === 'ipv6' ? embeddedIpv4(parsed as ipaddr.IPv6) : [];
    for (const a of judged.length ? judged : [parsed]) {
      const problem = this.problemWithParsed(a, hostAllowed);
      if (problem) return judged.length ? `${address} carries ${problem}` : problem;
    }
    return null;
  }

  private problemWithParsed(parsed: ipaddr.IPv4 | ipaddr.IPv6, hostAllowed: boolean): string | null {
    const problem = describeNonPublic(parsed);
    if (!problem) return null;
    if (hostAllowed) return null;
    if (this.allowCidrs.some(([net, bits]) => net.kind() === parsed.kind() && parsed.match(net, bits))) return null;
    return problem;
  }
}

/**
 * SSRF protection for webhook targets. A target must be http(s), without credentials, and every
 * address its host resolves to must be public unicast: loopback, private (RFC 1918), CGNAT, ULA,
 * link-local, metadata, unspecified and every other special-purpose range are refused (an IPv6
 * address that carries an IPv4 one, see embeddedIpv4, is judged by the IPv4 it carries), unless AIRLOCK_WEBHOOK_ALLOW_PRIVATE lists the host
 * name or a CIDR (or single address) containing the address. Checked when a webhook is saved
 * (`vetForSave`: a host name that does not resolve yet is saved with a warning) and again before
 * each delivery (`vet`), whose connection is pinned to the address checked there.
 */
@Injectable()
export class WebhookUrlGuard extends PublicUrlGuard {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config.webhookAllowPrivate, 'AIRLOCK_WEBHOOK_ALLOW_PRIVATE', 'webhooks');
  }
}

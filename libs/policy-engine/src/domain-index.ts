import type { DomainPattern } from './destination';

/**
 * Host -> value lookup for catalog domains. Exact hosts sit in one Map; wildcard suffixes in another,
 * walked from the longest suffix to the shortest, so the most specific entry wins:
 * `chat.deepseek.com` beats `*.chat.deepseek.com`, which beats `*.deepseek.com`. A wildcard never
 * matches its bare apex (`*.deepseek.com` does not match `deepseek.com`) nor a host that merely ends
 * with the same letters (`evildeepseek.com`). Hosts must come from extractHost.
 */
export class DomainIndex<T> {
  private readonly exact = new Map<string, T>();
  private readonly wildcard = new Map<string, T>();

  /** Adds a pattern; returns the value already registered for it, if any (the first one is kept). */
  add(pattern: DomainPattern, value: T): T | undefined {
    const map = pattern.wildcard ? this.wildcard : this.exact;
    const existing = map.get(pattern.host);
    if (existing !== undefined) return existing;
    map.set(pattern.host, value);
    return undefined;
  }

  lookup(host: string): T | undefined {
    const exact = this.exact.get(host);
    if (exact !== undefined || this.wildcard.size === 0) return exact;
    // IP literals never match a wildcard: IPv6 has colons, IPv4 ends with a digit (no TLD does).
    const last = host.charCodeAt(host.length - 1);
    if (last >= 0x30 && last <= 0x39) return undefined;
    if (host.indexOf(':') !== -1) return undefined;
    for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
      const match = this.wildcard.get(host.slice(dot + 1));
      if (match !== undefined) return match;
    }
    return undefined;
  }

  get size(): number {
    return this.exact.size + this.wildcard.size;
  }
}

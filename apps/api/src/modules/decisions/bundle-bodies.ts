import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

/** Bodies kept per organization: one per set of client rights (the ETag's last part) seen since the content last changed. */
const MAX_PER_ORGANIZATION = 8;

/** One bundle body, as JSON and, made when first asked, gzipped. */
export interface BundleBody {
  json: Promise<Buffer>;
  gzipped(): Promise<Buffer>;
}

interface Kept extends BundleBody {
  /** The ETag without the client's part: what every client of the organization shares. */
  content: string;
  /** When the body stops being the answer (the first exception in it expires), ms since the epoch. */
  until: number;
}

/**
 * /v1/bundle's serialised bodies, one per organization and ETag: every browser extension of an
 * organization fetches the bundle right after each change (told by /v1/bundle/events), and with a
 * large directory the body is megabytes of JSON whose serialisation held the event loop ~500 ms
 * per request. Built once, the same bytes answer every request with that ETag. An ETag is made
 * from the organization's current state, so a body whose content part differs from a newer
 * request's is stale for good and is dropped then. Its gzipped form (a directory's hashes shrink to
 * about 60%) is made once too, by zlib on libuv's thread pool, off the event loop.
 */
export class BundleBodies {
  private readonly byOrganization = new Map<string, Map<string, Kept>>();

  /** The body for this ETag, made by `make` (once, while it is kept). */
  get(organizationId: string, etag: string, content: string, now: number, make: () => { body: Promise<Buffer>; until: number }): BundleBody {
    let kept = this.byOrganization.get(organizationId);
    const hit = kept?.get(etag);
    if (hit && hit.until > now) return hit;
    if (!kept) this.byOrganization.set(organizationId, (kept = new Map()));
    for (const [other, k] of kept) if (k.content !== content || other === etag) kept.delete(other);
    while (kept.size >= MAX_PER_ORGANIZATION) kept.delete(kept.keys().next().value!);
    const { body, until } = make();
    let gzipped: Promise<Buffer> | null = null;
    const gzippedBody = () => {
      if (gzipped) return gzipped;
      const made = body.then((b) => gzip(b));
      // A failed compression is not kept either: the next request tries again.
      made.catch(() => {
        if (gzipped === made) gzipped = null;
      });
      return (gzipped = made);
    };
    const entry: Kept = { content, json: body, until, gzipped: gzippedBody };
    kept.set(etag, entry);
    // A failed build is not kept: the next request tries again.
    body.catch(() => {
      if (kept.get(etag) === entry) kept.delete(etag);
    });
    return entry;
  }
}

import { sha256 } from '@noble/hashes/sha2.js';
import type { SubjectDirectory } from './subject';
import type { DirectoryBundle } from '@airlock/contracts';

/** One person of the directory as the server loads it (User rows that are not disabled). */
export interface DirectoryPerson {
  id: string;
  email: string;
  groups: readonly string[];
}

/**
 * The directory as /v1/bundle carries it (the server's type, libs/contracts), so that local
 * evaluation resolves subjects as the server does without the bundle listing the staff in clear:
 * `subjects` maps a salted hash of each person's e-mail and of their user id (see subjectKey) to
 * indices into `groups`. Only people with at least one group are listed (a person without groups
 * resolves like an unknown one).
 */
export type { DirectoryBundle };

/**
 * SHA-256 of a string's UTF-8 bytes, base64url without padding: what subject keys are cut from.
 * Injectable because the portable default (pure JS, synchronous: WebCrypto's digest is
 * asynchronous) costs ~20 µs a call, which a browser pays for one person but a server hashing a
 * directory of 100,000 people (two keys each) cannot; the server passes node:crypto's, whose output
 * is the same bytes (subject.spec.ts checks both against each other).
 */
export type Sha256Base64url = (text: string) => string;

/** The portable digest: @noble/hashes, the same in Node and in a browser. */
export const portableSha256Base64url: Sha256Base64url = (text) => base64url(sha256(utf8.encode(text)));

/**
 * The key of a person in a DirectoryBundle: SHA-256 over the salt and the lower-cased e-mail (or
 * user id), base64url, first 128 bits. Case-insensitive like the server's look-up.
 */
export function subjectKey(salt: string, kind: 'email' | 'id', value: string, digest: Sha256Base64url = portableSha256Base64url): string {
  return digest(`${salt}\n${kind}:${value.trim().toLowerCase()}`).slice(0, 22);
}

const utf8 = new TextEncoder();

/** Base64url without padding (RFC 4648 section 5), through btoa, which Node and browsers both have. */
function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const lowerGroups = (groups: readonly string[]): readonly string[] => Object.freeze([...new Set(groups.map((g) => g.toLowerCase()))].sort());

/**
 * lowerGroups, one frozen array per distinct group list: an organization of 100,000 people has a
 * few hundred distinct lists at most, and sharing them spares the server 100,000 arrays to build,
 * keep and collect (the garbage collector's pauses stall the event loop too).
 */
class GroupLists {
  private readonly lists = new Map<string, readonly string[]>();

  of(groups: readonly string[]): readonly string[] {
    const key = JSON.stringify(groups);
    let list = this.lists.get(key);
    if (list === undefined) this.lists.set(key, (list = lowerGroups(groups)));
    return list;
  }
}

/** The server's directory of one organization: plain maps, nothing hashed on the decision path. */
export class MemoryDirectory implements SubjectDirectory {
  private readonly byEmail = new Map<string, readonly string[]>();
  private readonly byId = new Map<string, readonly string[]>();
  private readonly all: DirectoryPerson[] = [];
  private readonly lists = new GroupLists();

  constructor(people: readonly DirectoryPerson[] = []) {
    for (const p of people) this.add(p);
  }

  /**
   * Adds one person. For building a directory a person at a time (the server reads a large one in
   * pages and lets other work in between); a directory already answering look-ups is not changed.
   */
  add(p: DirectoryPerson): void {
    this.all.push(p);
    const groups = this.lists.of(p.groups);
    // As in the bundle: a person without groups is not listed, so both resolve the same way.
    if (groups.length === 0) return;
    this.byEmail.set(p.email.trim().toLowerCase(), groups);
    this.byId.set(p.id.toLowerCase(), groups);
  }

  /** Everyone added, with or without groups, in the order added. */
  get people(): readonly DirectoryPerson[] {
    return this.all;
  }

  get size(): number {
    return this.byId.size;
  }

  groupsOf(subject: { id?: string; email?: string }): readonly string[] | undefined {
    if (subject.id !== undefined) {
      const found = this.byId.get(subject.id.toLowerCase());
      if (found !== undefined) return found;
    }
    const email = subject.email;
    if (email === undefined) return undefined;
    // Exact spelling first (the usual case: clients send the address as the directory has it).
    return this.byEmail.get(email) ?? this.byEmail.get(email.trim().toLowerCase());
  }

  /** The compact, hashed form for /v1/bundle (all at once: see DirectoryBundleBuilder for a large one). */
  toBundle(salt: string, digest?: Sha256Base64url): DirectoryBundle {
    const builder = new DirectoryBundleBuilder(salt, digest);
    for (const p of this.all) builder.add(p);
    return builder.bundle();
  }
}

/**
 * A DirectoryBundle built a person at a time, and written as JSON a piece at a time: the server
 * hashes and serialises a directory of 100,000 people (megabytes) in steps it can interleave with
 * other work, where MemoryDirectory.toBundle and JSON.stringify would each hold the thread for the
 * whole of it. `bundle()` and the JSON of `json()` hold the same content.
 */
export class DirectoryBundleBuilder {
  private readonly groups: string[] = [];
  private readonly index = new Map<string, number>();
  /** [subject key, indices into groups], in the order added. */
  private readonly subjects: [string, readonly number[]][] = [];
  private readonly lists = new GroupLists();
  /** The group indices of each distinct group list (shared, like the lists). */
  private readonly ids = new Map<readonly string[], readonly number[]>();

  constructor(
    private readonly salt: string,
    private readonly digest: Sha256Base64url = portableSha256Base64url,
  ) {}

  /** Adds one person: two hashes (e-mail and id) when they have a group, nothing otherwise. */
  add(p: DirectoryPerson): void {
    const own = this.lists.of(p.groups);
    if (own.length === 0) return;
    let ids = this.ids.get(own);
    if (ids === undefined) {
      ids = Object.freeze(
        own.map((g) => {
          let i = this.index.get(g);
          if (i === undefined) {
            i = this.groups.length;
            this.groups.push(g);
            this.index.set(g, i);
          }
          return i;
        }),
      );
      this.ids.set(own, ids);
    }
    this.subjects.push([subjectKey(this.salt, 'email', p.email, this.digest), ids], [subjectKey(this.salt, 'id', p.id, this.digest), ids]);
  }

  bundle(): DirectoryBundle {
    const subjects: Record<string, number[]> = {};
    for (const [key, ids] of this.subjects) subjects[key] = [...ids];
    return { salt: this.salt, groups: [...this.groups], subjects };
  }

  /**
   * JSON.stringify(bundle()) in pieces of `per` subjects each (joined, they are the whole; keys in
   * the same order). Each piece costs about as much as the next, so a caller can pause between them.
   */
  *json(per = 1000): Generator<string> {
    yield `{"salt":${JSON.stringify(this.salt)},"groups":${JSON.stringify(this.groups)},"subjects":{`;
    for (let from = 0; from < this.subjects.length; from += per) {
      // Joined from an array: one flat string per piece, where `+=` would keep a rope of every entry.
      const entries: string[] = [];
      const to = Math.min(from + per, this.subjects.length);
      for (let i = from; i < to; i++) {
        const [key, ids] = this.subjects[i]!;
        entries.push(`${JSON.stringify(key)}:[${ids.join(',')}]`);
      }
      yield (from === 0 ? '' : ',') + entries.join(',');
    }
    yield '}}';
  }
}

/** The directory of a bundle, for LocalDecider: hashes the subject's id, then e-mail, and looks them up. */
export class BundleDirectory implements SubjectDirectory {
  private readonly subjects: Map<string, readonly string[]>;
  /** The last subjects resolved (clients ask about the same few people over and over). */
  private readonly recent = new Map<string, readonly string[] | null>();

  constructor(private readonly bundle: DirectoryBundle) {
    const names = bundle.groups.map((g) => g.toLowerCase());
    this.subjects = new Map(Object.entries(bundle.subjects).map(([k, ids]) => [k, Object.freeze(ids.map((i) => names[i]).filter((g): g is string => g !== undefined))]));
  }

  groupsOf(subject: { id?: string; email?: string }): readonly string[] | undefined {
    if (subject.id !== undefined) {
      const found = this.lookup('id', subject.id);
      if (found !== undefined) return found;
    }
    return subject.email === undefined ? undefined : this.lookup('email', subject.email);
  }

  private lookup(kind: 'email' | 'id', value: string): readonly string[] | undefined {
    const cacheKey = `${kind}:${value}`;
    const cached = this.recent.get(cacheKey);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.subjects.get(subjectKey(this.bundle.salt, kind, value));
    if (this.recent.size >= 10_000) this.recent.clear();
    this.recent.set(cacheKey, found ?? null);
    return found;
  }
}

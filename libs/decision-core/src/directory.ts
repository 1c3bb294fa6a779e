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
 * The key of a person in a DirectoryBundle: SHA-256 over the salt and the lower-cased e-mail (or
 * user id), base64url, first 128 bits. Case-insensitive like the server's look-up.
 */
export function subjectKey(salt: string, kind: 'email' | 'id', value: string): string {
  // Synchronous and the same in Node and in a browser (WebCrypto's digest is asynchronous).
  return base64url(sha256(utf8.encode(`${salt}\n${kind}:${value.trim().toLowerCase()}`))).slice(0, 22);
}

const utf8 = new TextEncoder();

/** Base64url without padding (RFC 4648 section 5), through btoa, which Node and browsers both have. */
function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const lowerGroups = (groups: readonly string[]): readonly string[] => Object.freeze([...new Set(groups.map((g) => g.toLowerCase()))].sort());

/** The server's directory of one organization: plain maps, nothing hashed on the decision path. */
export class MemoryDirectory implements SubjectDirectory {
  private readonly byEmail = new Map<string, readonly string[]>();
  private readonly byId = new Map<string, readonly string[]>();

  constructor(readonly people: readonly DirectoryPerson[]) {
    for (const p of people) {
      const groups = lowerGroups(p.groups);
      // As in the bundle: a person without groups is not listed, so both resolve the same way.
      if (groups.length === 0) continue;
      this.byEmail.set(p.email.trim().toLowerCase(), groups);
      this.byId.set(p.id.toLowerCase(), groups);
    }
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

  /** The compact, hashed form for /v1/bundle. */
  toBundle(salt: string): DirectoryBundle {
    const groups: string[] = [];
    const index = new Map<string, number>();
    const subjects: Record<string, number[]> = {};
    for (const p of this.people) {
      const own = lowerGroups(p.groups);
      if (own.length === 0) continue;
      const ids = own.map((g) => {
        let i = index.get(g);
        if (i === undefined) {
          i = groups.length;
          groups.push(g);
          index.set(g, i);
        }
        return i;
      });
      subjects[subjectKey(salt, 'email', p.email)] = ids;
      subjects[subjectKey(salt, 'id', p.id)] = ids;
    }
    return { salt, groups, subjects };
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

import { BundleDirectory, DirectoryBundleBuilder, MemoryDirectory, portableSha256Base64url, subjectKey } from './directory';
import { ASSERT_EVERYTHING, ASSERT_NOTHING, refusedAssertion, resolveRequest } from './subject';

const PEOPLE = [
  { id: '5b1c1a9e-0000-4000-8000-000000000001', email: 'lena.legal@acme.test', groups: ['Legal', 'staff'] },
  { id: '5b1c1a9e-0000-4000-8000-000000000002', email: 'eng@acme.test', groups: ['engineering'] },
  { id: '5b1c1a9e-0000-4000-8000-000000000003', email: 'nogroups@acme.test', groups: [] },
];
const SALT = 'c2FsdC1vZi1hY21l';
const access = { action: 'access' as const, destination: { host: 'chat.example' } };

describe('subject directory', () => {
  const memory = new MemoryDirectory(PEOPLE);
  const bundle = memory.toBundle(SALT);
  const local = new BundleDirectory(bundle);

  it.each([
    ['e-mail, any case', { email: 'Lena.Legal@ACME.test' }, ['legal', 'staff']],
    ['user id', { id: PEOPLE[1]!.id }, ['engineering']],
    ['user id in upper case', { id: PEOPLE[1]!.id.toUpperCase() }, ['engineering']],
    ['id first, then e-mail', { id: PEOPLE[1]!.id, email: 'lena.legal@acme.test' }, ['engineering']],
    ['an unknown id falls back to the e-mail', { id: 'u-42', email: 'eng@acme.test' }, ['engineering']],
    ['a person without groups', { email: 'nogroups@acme.test' }, undefined],
    ['someone the directory does not know', { email: 'stranger@other.test' }, undefined],
    ['no id, no e-mail', {}, undefined],
  ])('the server and the bundle resolve the same: %s', (_name, subject, expected) => {
    expect(memory.groupsOf(subject)).toEqual(expected);
    expect(local.groupsOf(subject)).toEqual(expected);
  });

  it('the bundle lists no e-mail or id in clear, and its keys depend on the salt', () => {
    const json = JSON.stringify(bundle);
    for (const p of PEOPLE) {
      expect(json).not.toContain(p.email);
      expect(json).not.toContain(p.id);
    }
    expect(bundle.groups.sort()).toEqual(['engineering', 'legal', 'staff']);
    // Two people with groups, each under their e-mail and their id.
    expect(Object.keys(bundle.subjects)).toHaveLength(4);
    expect(subjectKey(SALT, 'email', 'eng@acme.test')).not.toBe(subjectKey('another-salt', 'email', 'eng@acme.test'));
    expect(subjectKey(SALT, 'email', ' ENG@acme.test')).toBe(subjectKey(SALT, 'email', 'eng@acme.test'));
  });
});

describe('resolveRequest', () => {
  const directory = new MemoryDirectory(PEOPLE);

  it('leaves a request without subject or address as it is (the same object)', () => {
    const r = resolveRequest(access, directory);
    expect(r.request).toBe(access);
    expect(r.ipSource).toBe('none');
  });

  it("gives the subject the directory's groups, and adds the client's", () => {
    expect(resolveRequest({ ...access, subject: { email: 'lena.legal@acme.test' } }, directory).request.subject?.groups).toEqual(['legal', 'staff']);
    expect(resolveRequest({ ...access, subject: { email: 'lena.legal@acme.test', groups: ['finance', 'legal'] } }, directory).request.subject?.groups).toEqual([
      'legal',
      'staff',
      'finance',
    ]);
    // Unknown subject: only what the client says (when it may say it: refusedAssertion).
    expect(resolveRequest({ ...access, subject: { email: 'x@y.test', groups: ['finance'] } }, directory).request.subject?.groups).toEqual(['finance']);
  });

  it("uses the connection's address only when the client sent none", () => {
    expect(resolveRequest({ ...access, context: { ip: '10.0.0.1' } }, null, '192.0.2.1')).toMatchObject({ ipSource: 'context', ip: '10.0.0.1' });
    const r = resolveRequest({ ...access, context: { channel: 'web' } }, null, '192.0.2.1');
    expect(r).toMatchObject({ ipSource: 'connection', ip: '192.0.2.1' });
    expect(r.request.context).toEqual({ channel: 'web', ip: '192.0.2.1' });
  });

  it("keeps the account type the client stated when the connection's address is added", () => {
    const r = resolveRequest({ ...access, context: { accountType: 'business', networkZone: 'vpn' } }, null, '192.0.2.1');
    expect(r.request.context).toMatchObject({ accountType: 'business', networkZone: 'vpn', ip: '192.0.2.1' });
  });
});

describe('refusedAssertion', () => {
  it('lets a client that may assert everything assert anything', () => {
    expect(refusedAssertion({ ...access, subject: { groups: ['legal'] }, context: { ip: '10.0.0.1', networkZone: 'vpn' } }, ASSERT_EVERYTHING)).toBeNull();
  });

  it.each([
    ['groups', { subject: { email: 'a@b.test', groups: ['legal'] } }, 'subject.groups'],
    ['an address', { context: { ip: '10.0.0.1' } }, 'context.ip'],
    ['a zone', { context: { networkZone: 'vpn' } }, 'context.networkZone'],
  ])('refuses %s from a client that may assert nothing', (_name, extra, path) => {
    expect(refusedAssertion({ ...access, ...extra }, ASSERT_NOTHING)?.path).toBe(path);
  });

  it('accepts an empty group list, a subject by e-mail, and the zones a client may name', () => {
    expect(refusedAssertion({ ...access, subject: { email: 'a@b.test', groups: [] } }, ASSERT_NOTHING)).toBeNull();
    const rights = { groups: false, ip: false, zones: ['vpn'] };
    expect(refusedAssertion({ ...access, context: { networkZone: 'vpn', channel: 'web' } }, rights)).toBeNull();
    expect(refusedAssertion({ ...access, context: { networkZone: 'corporate' } }, rights)?.message).toContain('only these network zones: vpn');
  });
});

describe('subjectKey', () => {
  /** The digest the server injects (apps/api subject-directory.service.ts): node:crypto's. */
  const native = async () => {
    const { createHash } = await import('node:crypto');
    return (text: string) => createHash('sha256').update(text).digest('base64url');
  };

  it('is the same portable hash as node:crypto SHA-256 base64url (bundles made before keep resolving)', async () => {
    const { createHash } = await import('node:crypto');
    for (const [kind, value] of [['email', ' Lena.Legal@ACME.test '], ['id', PEOPLE[0]!.id], ['email', 'zoë@exämple.test']] as const) {
      const node = createHash('sha256').update(`${SALT}\n${kind}:${value.trim().toLowerCase()}`).digest('base64url').slice(0, 22);
      expect(subjectKey(SALT, kind, value)).toBe(node);
    }
  });

  it('gives the same keys with the native digest as with the portable one, whatever the text', async () => {
    const digest = await native();
    // Every length around SHA-256's 64-byte blocks and base64's 3-byte groups, and text beyond ASCII
    // (2-, 3- and 4-byte UTF-8, a lone surrogate, which both encode as U+FFFD).
    const texts = [...Array.from({ length: 140 }, (_, n) => 'x'.repeat(n)), 'zoë@exämple.test', '名前@例え.jp', '😀@emoji.test', 'a\ud800b', ' Mixed@Case.Test '];
    for (const text of texts) {
      expect(digest(text)).toBe(portableSha256Base64url(text));
      for (const kind of ['email', 'id'] as const) expect(subjectKey(SALT, kind, text, digest)).toBe(subjectKey(SALT, kind, text));
    }
  });
});

describe('DirectoryBundleBuilder', () => {
  const many = Array.from({ length: 2_345 }, (_, i) => ({ id: `id-${i}`, email: `Person.${i}@acme.test`, groups: i % 7 === 0 ? [] : i % 3 ? ['Sales'] : ['engineering', 'sales'] }));

  it('builds what toBundle builds, with either digest, and its JSON pieces join to the same bundle', async () => {
    const { createHash } = await import('node:crypto');
    const digest = (text: string) => createHash('sha256').update(text).digest('base64url');
    const expected = new MemoryDirectory(many).toBundle(SALT);
    const builder = new DirectoryBundleBuilder(SALT, digest);
    for (const p of many) builder.add(p);
    expect(builder.bundle()).toEqual(expected);
    expect(new MemoryDirectory(many).toBundle(SALT, digest)).toEqual(expected);
    for (const per of [1, 1000, 10_000]) {
      const json = [...builder.json(per)].join('');
      expect(JSON.parse(json)).toEqual(expected);
      expect(json).toBe(JSON.stringify(builder.bundle()));
    }
    const empty = new DirectoryBundleBuilder(SALT);
    expect(JSON.parse([...empty.json()].join(''))).toEqual({ salt: SALT, groups: [], subjects: {} });
  });

  it('a directory built a person at a time resolves like one built at once, and the bundle agrees', () => {
    const stepwise = new MemoryDirectory();
    for (const p of many) stepwise.add(p);
    const atOnce = new MemoryDirectory(many);
    expect(stepwise.people).toEqual(many);
    expect(stepwise.size).toBe(atOnce.size);
    const local = new BundleDirectory(stepwise.toBundle(SALT));
    for (const p of many.slice(0, 50)) {
      expect(stepwise.groupsOf({ email: p.email })).toEqual(atOnce.groupsOf({ email: p.email }));
      expect(local.groupsOf({ id: p.id })).toEqual(atOnce.groupsOf({ id: p.id }));
    }
  });
});

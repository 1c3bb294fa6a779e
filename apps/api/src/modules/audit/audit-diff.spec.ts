import { auditDiff, changesText } from './audit-diff';

describe('auditDiff: an audit event before → after, field by field', () => {
  it('lists a changed field as old → new and leaves equal fields out', () => {
    const d = auditDiff({ name: 'ChatGPT', status: 'allowed', notes: 'x' }, { name: 'ChatGPT', status: 'blocked', notes: 'x' });
    expect(d).toEqual({ changes: [{ path: ['status'], kind: 'changed', before: 'allowed', after: 'blocked' }], truncated: false });
  });

  it('diffs keys named like Object.prototype members (a data class key such as "constructor") as any other', () => {
    const d = auditDiff({ thresholds: { pii: 0.5, toString: 0.2 } }, { thresholds: { pii: 0.5, constructor: 0.8 } });
    expect(d.changes).toEqual([
      { path: ['thresholds', 'toString'], kind: 'removed', before: 0.2 },
      { path: ['thresholds', 'constructor'], kind: 'added', after: 0.8 },
    ]);
  });

  it('flattens nested objects to paths', () => {
    const d = auditDiff({ conditions: { channel: 'web', limits: { size: 1 } } }, { conditions: { channel: 'api', limits: { size: 2 } } });
    expect(d.changes).toEqual([
      { path: ['conditions', 'channel'], kind: 'changed', before: 'web', after: 'api' },
      { path: ['conditions', 'limits', 'size'], kind: 'changed', before: 1, after: 2 },
    ]);
  });

  it('names the items added to and removed from a list, whatever their order', () => {
    const d = auditDiff({ dataClasses: ['pii', 'secrets', 'health'] }, { dataClasses: ['health', 'source_code', 'pii'] });
    expect(d.changes).toEqual([{ path: ['dataClasses'], kind: 'list', added: ['source_code'], removed: ['secrets'] }]);
  });

  it('shows a list reordered with the same items as a whole', () => {
    const d = auditDiff({ order: ['a', 'b'] }, { order: ['b', 'a'] });
    expect(d.changes).toEqual([{ path: ['order'], kind: 'changed', before: ['a', 'b'], after: ['b', 'a'] }]);
  });

  it('matches lists of objects on their id and compares the kept ones field by field', () => {
    const d = auditDiff(
      { keys: [{ id: 'k1', prefix: 'ak_1', revoked: false }, { id: 'k2', prefix: 'ak_2', revoked: false }] },
      { keys: [{ id: 'k2', prefix: 'ak_2', revoked: true }, { id: 'k3', prefix: 'ak_3', revoked: false }] },
    );
    expect(d.changes).toEqual([
      { path: ['keys'], kind: 'list', added: [{ id: 'k3', prefix: 'ak_3', revoked: false }], removed: [{ id: 'k1', prefix: 'ak_1', revoked: false }] },
      { path: ['keys', 'k2', 'revoked'], kind: 'changed', before: false, after: true },
    ]);
  });

  it('compares lists of objects without ids as whole items', () => {
    const d = auditDiff({ sources: [{ url: 'a' }] }, { sources: [{ url: 'a' }, { url: 'b' }] });
    expect(d.changes).toEqual([{ path: ['sources'], kind: 'list', added: [{ url: 'b' }], removed: [] }]);
  });

  it('lists every field of a created object as added and of a deleted one as removed', () => {
    expect(auditDiff(null, { name: 'Finance', cidrs: ['10.0.0.0/8'], description: null }).changes).toEqual([
      { path: ['name'], kind: 'added', after: 'Finance' },
      { path: ['cidrs'], kind: 'list', added: ['10.0.0.0/8'], removed: [] },
    ]);
    expect(auditDiff({ name: 'Finance', tags: [] }, undefined).changes).toEqual([{ path: ['name'], kind: 'removed', before: 'Finance' }]);
  });

  it('tells a field set from one cleared', () => {
    const d = auditDiff({ a: null, b: 'x' }, { a: 'y', b: null });
    expect(d.changes).toEqual([
      { path: ['a'], kind: 'added', after: 'y' },
      { path: ['b'], kind: 'removed', before: 'x' },
    ]);
  });

  it('compares a value that changed type as a whole', () => {
    expect(auditDiff({ v: { a: 1 } }, { v: 'text' }).changes).toEqual([{ path: ['v'], kind: 'changed', before: { a: 1 }, after: 'text' }]);
    expect(auditDiff('a', 'b').changes).toEqual([{ path: [], kind: 'changed', before: 'a', after: 'b' }]);
  });

  it('finds nothing between equal snapshots, key order aside', () => {
    expect(auditDiff({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual({ changes: [], truncated: false });
    expect(auditDiff(null, null).changes).toEqual([]);
    expect(auditDiff({ tags: [] }, { tags: null }).changes).toEqual([]);
  });

  it('stops at the most changes it lists and says so', () => {
    const before = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, i + 1]));
    const d = auditDiff(before, after, 3);
    expect(d.changes).toHaveLength(3);
    expect(d.truncated).toBe(true);
    expect(changesText(d).endsWith('; …')).toBe(true);
  });

  it('writes the changes in one line for the CSV export', () => {
    const d = auditDiff({ status: 'allowed', tags: ['a'], note: 'n', gone: 1 }, { status: 'blocked', tags: ['b'], note: null, extra: { x: 1 } });
    expect(changesText(d)).toBe('status: allowed → blocked; tags: +b, -a; note: cleared (was n); gone: cleared (was 1); extra.x: set to 1');
  });

  it('diffs large snapshots by their changed parts only: 20,000 items with ids, one changed, one added', () => {
    const item = (i: number, name = `item ${i}`) => ({ id: `i${i}`, name, tags: ['a', 'b'], nested: { n: i } });
    const before = { items: Array.from({ length: 20_000 }, (_, i) => item(i)) };
    const after = { items: [...before.items.slice(0, 12_345), item(12_345, 'renamed'), ...before.items.slice(12_346), item(20_000)] };
    expect(auditDiff(before, after).changes).toEqual([
      { path: ['items'], kind: 'list', added: [item(20_000)], removed: [] },
      { path: ['items', 'i12345', 'name'], kind: 'changed', before: 'item 12345', after: 'renamed' },
    ]);
  });

  it('tells a list reordered from an equal one, and from one with other items', () => {
    expect(auditDiff({ l: [1, { a: 1, b: 2 }] }, { l: [1, { b: 2, a: 1 }] }).changes).toEqual([]);
    expect(auditDiff({ l: [1, 2] }, { l: [2, 1] }).changes).toEqual([{ path: ['l'], kind: 'changed', before: [1, 2], after: [2, 1] }]);
    expect(auditDiff({ l: [1, 2] }, { l: [2, 3] }).changes).toEqual([{ path: ['l'], kind: 'list', added: [3], removed: [1] }]);
  });
});

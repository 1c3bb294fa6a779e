import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@airlock/contracts';

/**
 * The console names every audit action in words from one table (AUDIT_ACTIONS, labelled in en.ts
 * `airlock.audit.actions`): an action the API records but the table lacks would show as a raw code.
 * This reads the API's sources for what `AuditService.record` is given.
 */
const root = path.join(__dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : files(full);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [full] : [];
  });
const sources = files(root).map((f) => ({ file: path.relative(root, f), text: readFileSync(f, 'utf8') }));

function recordedActions(): Map<string, string> {
  const found = new Map<string, string>();
  const literal = /'([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)'/g;
  for (const { file, text } of sources) {
    // `action: …` of a record call, `auditAction: …` of the incident plan, and the MFA helpers' argument.
    for (const m of text.matchAll(/(?:\baction: |auditAction(?:: |\?: )|afterFactor(?:Added|Removed)\(auth, )([^\n]*)/g)) {
      for (const l of m[1]!.matchAll(literal)) found.set(l[1]!, file);
    }
    // AuditedCrud resources: `{ type: 'PolicyRule', label: 'Rule', action: 'rule' }` record rule.create/update/delete.
    for (const m of text.matchAll(/new AuditedCrud<\w+>\([^{]*\{ type: '\w+', label: '[^']*', action: '([a-z_]+)' \}/g)) {
      for (const verb of ['create', 'update', 'delete']) found.set(`${m[1]}.${verb}`, file);
    }
  }
  // Not audit actions: other `action` fields holding dotted words.
  found.delete('request.action');
  return found;
}

describe('audit actions', () => {
  it('lists every action the API records (so the console can name it)', () => {
    const recorded = recordedActions();
    expect(recorded.size).toBeGreaterThan(80);
    const missing = [...recorded].filter(([a]) => !(AUDIT_ACTIONS as readonly string[]).includes(a)).map(([a, f]) => `${a} (${f})`);
    expect(missing).toEqual([]);
  });

  it('lists every kind of entity the API records', () => {
    const types = new Set<string>();
    for (const { text } of sources) {
      for (const m of text.matchAll(/entityType: '([A-Za-z]+)'/g)) types.add(m[1]!);
      for (const m of text.matchAll(/new AuditedCrud<\w+>\([^{]*\{ type: '(\w+)'/g)) types.add(m[1]!);
    }
    expect([...types].filter((t) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(t))).toEqual([]);
  });

  it('names every action and kind of entity in words in the console (en.ts)', () => {
    const en = readFileSync(path.join(root, '../../admin/src/i18n/en.ts'), 'utf8');
    const start = en.indexOf('Every action of AUDIT_ACTIONS');
    const actions = en.slice(start, en.indexOf('    entities: {', start));
    const entities = en.slice(en.indexOf('    entities: {', start), en.indexOf('    fields: {', start));
    expect(AUDIT_ACTIONS.filter((a) => !actions.includes(`'${a}': '`))).toEqual([]);
    expect(AUDIT_ENTITY_TYPES.filter((e) => !entities.includes(`      ${e}: '`))).toEqual([]);
  });

  it('has no action twice', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });
});

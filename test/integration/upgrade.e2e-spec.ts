import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { applyPendingMigrations } from '../../apps/api/src/database/migrations';
import { AuditService } from '../../apps/api/src/modules/audit/audit.service';
import { auditHash, GENESIS_HASH } from '../../apps/api/src/modules/audit/audit-hash';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * An upgrade loses nothing: a database at the first release's schema (the first two migrations, as
 * customers installed it on 29 November), holding the rows that release wrote, in the shapes it
 * wrote them, is taken through every later migration by the product's own migration runner. Every
 * row is still there with the same values, the audit chain still verifies, and the product starts
 * on it and decides by the rules published before the upgrade.
 */
const BASELINE = '20261129154021_drop_unused_decision_log_indexes';
const MIGRATIONS = path.resolve(__dirname, '../../prisma/migrations');

const ORG = '00000000-0000-4000-8000-000000000001';
const OWNER = '00000000-0000-4000-8000-000000000002';
const PROVIDER = '00000000-0000-4000-8000-000000000003';
const RULE = '00000000-0000-4000-8000-000000000004';
const VERSION = '00000000-0000-4000-8000-000000000005';
const CLIENT = '00000000-0000-4000-8000-000000000006';
const INCIDENT = '00000000-0000-4000-8000-000000000007';

/** The rows the first release wrote, per table, with the columns it had. */
function seedSql(): string {
  const rule = { id: 'block-deepseek', priority: 10, enabled: true, when: { providers: ['deepseek'] }, unless: [], effect: 'block', message: 'DeepSeek is not approved.' };
  const deepseek = { slug: 'deepseek', name: 'DeepSeek', status: 'under_review', domains: ['chat.deepseek.com'], channels: ['web'], hqCountry: 'CN', dataCountries: ['CN'], trainsOnInputs: 'yes', zeroRetentionOffer: false, riskScore: 80 };
  const json = (v: unknown) => `'${JSON.stringify(v).replace(/'/g, "''")}'`;
  const decisions = Array.from({ length: 30 }, (_, i) => {
    const id = `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
    // Spread over the last 40 days: rows in this month's partition and the previous one's.
    return `('${id}', now() - interval '${i * 32} hours', '${ORG}', '${CLIENT}', 3, 'deepseek', 'chat.deepseek.com', 'prompt', 'web', ARRAY['corporate'], 'u-${i}', ARRAY['staff'], '${i % 3 ? 'block' : 'warn'}', ARRAY['block-deepseek'], ARRAY['email'], 'hmac-${i}', 'corr-${i}', ${100 + i}, NULL)`;
  });
  return `
    INSERT INTO "Organization" (id, slug, name, settings, "incidentSeq", "updatedAt")
      VALUES ('${ORG}', 'acme', 'Acme', '{"incidentSlaHours": 48}', 1, now());
    INSERT INTO "User" (id, "organizationId", email, name, role, groups, "passwordHash", "updatedAt")
      VALUES ('${OWNER}', '${ORG}', 'owner@acme.test', 'Olive Owner', 'owner', ARRAY['staff'], 'scrypt$placeholder', now());
    INSERT INTO "Provider" (id, "organizationId", slug, name, domains, channels, "hqCountry", "dataCountries", "trainsOnInputs", status, "riskScore", builtin, "updatedAt")
      VALUES ('${PROVIDER}', '${ORG}', 'deepseek', 'DeepSeek', ARRAY['chat.deepseek.com'], ARRAY['web'], 'CN', ARRAY['CN'], 'yes', 'under_review', 80, false, now());
    INSERT INTO "PolicyRule" (id, "organizationId", "ruleId", priority, conditions, exceptions, effect, message, "updatedAt")
      VALUES ('${RULE}', '${ORG}', 'block-deepseek', 10, '{"providers":["deepseek"]}', '[]', 'block', 'DeepSeek is not approved.', now());
    INSERT INTO "PolicyVersion" (id, "organizationId", number, "contentHash", rules, catalog, zones, detectors, settings, "authorId", "authorLabel", note)
      VALUES ('${VERSION}', '${ORG}', 3, 'hash-v3', ${json([rule])}, ${json([deepseek])}, '[]', '[]', '{}', '${OWNER}', 'Olive Owner', 'Block DeepSeek');
    INSERT INTO "ApiClient" (id, "organizationId", name, scopes, "updatedAt")
      VALUES ('${CLIENT}', '${ORG}', 'Browser fleet', ARRAY['decide'], now());
    INSERT INTO "Incident" (id, "organizationId", number, title, description, "providerId", "dataClasses", severity, "suggestedSeverity", status, source, "awareAt", "reportedAt", "personalDataInvolved", "updatedAt")
      VALUES ('${INCIDENT}', '${ORG}', 1, 'Customer list pasted into DeepSeek', 'Found in the weekly review', '${PROVIDER}', ARRAY['email'], 'high', 'high', 'triaged', 'analyst', now() - interval '2 days', now() - interval '2 days', true, now());
    INSERT INTO "IncidentEvent" (id, "organizationId", "incidentId", type, "actorId", "actorLabel", data)
      VALUES ('00000000-0000-4000-8000-000000000008', '${ORG}', '${INCIDENT}', 'status', '${OWNER}', 'Olive Owner', '{"from":"new","to":"triaged"}');
    INSERT INTO "DecisionLog" (id, "time", "organizationId", "apiClientId", "policyVersion", "providerSlug", "destinationHost", action, channel, "networkZones", "subjectId", "subjectGroups", effect, "ruleIds", "dataClasses", "contentHmac", "correlationId", "latencyMicros", "staleSeconds")
      VALUES ${decisions.join(',\n      ')};
  `;
}

/** Audit events hashed as the first release hashed them (the chain must still verify after the upgrade). */
function auditRows() {
  let prevHash = GENESIS_HASH;
  return [
    { action: 'policy.publish', entityType: 'PolicyVersion', entityId: VERSION, before: null, after: { number: 3 } },
    { action: 'incident.update', entityType: 'Incident', entityId: INCIDENT, before: { status: 'new' }, after: { status: 'triaged' } },
    { action: 'user.update', entityType: 'User', entityId: OWNER, before: { name: 'Olive' }, after: { name: 'Olive Owner' } },
  ].map((e, i) => {
    const row = { id: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`, organizationId: ORG, seq: i + 1, actorType: 'user', actorId: OWNER, actorLabel: 'Olive Owner', requestId: `req-${i}`, ip: '10.0.0.7', createdAt: new Date(Date.UTC(2026, 10, 29, 12, i)), ...e };
    const hash = auditHash(prevHash, row);
    const out = { ...row, prevHash, hash };
    prevHash = hash;
    return out;
  });
}

/** Every row of the tables the seed wrote, as JSON, in a stable order: what must survive the upgrade. */
async function snapshot(c: Client, columnsOf: Record<string, string[]>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, columns] of Object.entries(columnsOf)) {
    const list = columns.map((col) => `"${col}"`).join(', ');
    out[table] = (await c.query(`SELECT ${list} FROM "${table}" ORDER BY id`)).rows;
  }
  return out;
}

describe('upgrade from the first release', () => {
  let t: TestApp | undefined;
  let dir: string;
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('applies every later migration to a populated database and loses nothing', async () => {
    // A database with no migration applied: the test database server, a fresh empty database.
    const adminUrl = process.env.AIRLOCK_TEST_ADMIN_URL!;
    const name = `airlock_upgrade_${process.pid}_${Date.now()}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = {
      url: url.toString(),
      async drop() {
        const a = new Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      },
    };

    // The first release's migrations only, from a copy of the folder cut at the baseline.
    dir = mkdtempSync(path.join(os.tmpdir(), 'airlock-baseline-'));
    const all = readdirSync(MIGRATIONS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(all).toContain(BASELINE);
    for (const m of all.filter((m) => m <= BASELINE)) cpSync(path.join(MIGRATIONS, m), path.join(dir, m), { recursive: true });
    cpSync(path.join(MIGRATIONS, 'migration_lock.toml'), path.join(dir, 'migration_lock.toml'));
    // @ts-expect-error: plain ESM module without types (the scripts use it too)
    const { applyMigrations } = await import('../../prisma/migrate.mjs');
    expect(await applyMigrations(database.url, { dir })).toEqual(all.filter((m) => m <= BASELINE));

    const c = new Client({ connectionString: database.url });
    await c.connect();
    let before: Record<string, unknown[]>;
    const columnsOf: Record<string, string[]> = {};
    try {
      await c.query(seedSql());
      for (const e of auditRows()) {
        await c.query(
          `INSERT INTO "AuditEvent" (id, "organizationId", seq, "actorType", "actorId", "actorLabel", action, "entityType", "entityId", before, after, "requestId", ip, "createdAt", "prevHash", hash)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
          [e.id, e.organizationId, e.seq, e.actorType, e.actorId, e.actorLabel, e.action, e.entityType, e.entityId, e.before === null ? null : JSON.stringify(e.before), JSON.stringify(e.after), e.requestId, e.ip, e.createdAt, e.prevHash, e.hash],
        );
      }
      // The columns each table had in the first release: those must keep their values.
      for (const table of ['Organization', 'User', 'Provider', 'PolicyRule', 'PolicyVersion', 'ApiClient', 'Incident', 'IncidentEvent', 'DecisionLog', 'AuditEvent']) {
        const { rows } = await c.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        );
        // updatedAt moves whenever the product touches a row (the catalog refresh on start): not data.
        columnsOf[table] = rows.map((r) => r.column_name).filter((col) => col !== 'updatedAt');
      }
      before = await snapshot(c, columnsOf);
      expect(before.DecisionLog).toHaveLength(30);

      // Every later migration, by the runner the product uses on start (AIRLOCK_MIGRATE).
      const applied = await applyPendingMigrations(database.url);
      expect(applied).toEqual(all.filter((m) => m > BASELINE));
      const after = await snapshot(c, columnsOf);
      expect(after).toEqual(before);
    } finally {
      await c.end();
    }

    // The product starts on the upgraded database: the chain verifies, the old version is served.
    t = await startTestApp({}, { database });
    const verification = await t.app.get(AuditService).verify(ORG);
    expect(verification).toMatchObject({ ok: true, firstBroken: null });
    expect(verification.checked).toBeGreaterThanOrEqual(3);
    const answer = (await (await t.decide({ action: 'access', destination: { provider: 'deepseek' } })).json()) as any;
    // The rule published before the upgrade still decides. The built-in catalog release of this build
    // reaches the organization's copy on start and is published on top of version 3, as on any upgrade.
    expect(answer.effect).toBe('block');
    expect(answer.policyVersion).toBeGreaterThanOrEqual(3);
    expect(await t.prisma.policyVersion.findUnique({ where: { id: VERSION } })).toMatchObject({ number: 3, note: 'Block DeepSeek' });
    // Still every seeded row, after the product's own start-up work (bootstrap key, catalog refresh).
    expect(await t.prisma.decisionLog.count({ where: { organizationId: ORG } })).toBeGreaterThanOrEqual(30);
    expect(await t.prisma.incident.findUnique({ where: { id: INCIDENT } })).toMatchObject({ title: 'Customer list pasted into DeepSeek', status: 'triaged', severity: 'high' });
  }, 180_000);
});

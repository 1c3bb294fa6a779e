import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { orgSettings, readOrgSettings } from '@airlock/contracts';
import { BUILTIN_DATA_CLASSES, defaultPolicyRules } from '@airlock/policy-engine';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Prisma } from '../../generated/prisma/client';
import { apiKeyPrefix } from '../api-clients/api-key-format';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { hashPassword } from '../auth/password-hasher';
import { passwordStrengthProblems } from '../auth/password-strength';
import { sha256Hex } from '../auth/tokens';
import { builtinRowData, CatalogReleaseService } from '../catalog/catalog-release.service';
import { ruleToRow } from '../policy/policy-snapshot';
import { PolicyService } from '../policy/policy.service';
import { loadBuiltinCatalog } from './builtin-catalog';
import { DemoDataService } from '../demo/demo-data.service';
import { Transactions } from '../../database/transactions';
import { BootstrapRepository } from './bootstrap.repository';

export const SYSTEM: Actor = { type: 'system', id: null, label: 'system (first start)' };

export interface FirstRun {
  created: boolean;
  organizationId: string;
  adminEmail: string;
  /** Only when generated on this start: printed once, never stored in clear. */
  generatedPassword?: string;
  demo: boolean;
  /** Demo users the organization has, listed by the launcher's banner whenever there are any. */
  demoUsers?: { email: string; role: string }[];
}

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'organization'
  );
}

/**
 * First start: one organization, its owner, the built-in catalog (every service under review), the
 * data classes, a `corporate` zone, the default policy published as version 1, the bootstrap API
 * key, and with AIRLOCK_DEMO_DATA a lived-in demo. Later starts only make sure the bootstrap key
 * exists. Safe with several instances starting at once (advisory lock).
 */
@Injectable()
export class BootstrapService {
  private readonly logger = new Logger('Bootstrap');
  firstRun: FirstRun | null = null;

  constructor(
    private readonly transactions: Transactions,
    private readonly repo: BootstrapRepository,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly demo: DemoDataService,
    private readonly catalogReleases: CatalogReleaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<FirstRun> {
    const result = await this.transactions.run(
      async () => {
        await this.repo.lock();
        const existing = await this.repo.firstOrganization();
        if (existing) {
          await this.ensureBootstrapKey(existing.id);
          return { created: false, organizationId: existing.id, adminEmail: this.config.adminEmail, demo: false } satisfies FirstRun;
        }
        return this.createOrganization();
      },
      { timeout: 120_000 },
    );
    if (result.created && result.demo) await this.demo.seed(result.organizationId);
    // A new built-in catalog release reaches every organization's copy (facts only, never statuses).
    await this.catalogReleases.applyToAll();
    // The banner names the demo users whenever the organization has them, not only on the first start.
    const demoUsers = await this.demo.presentDemoUsers(result.organizationId);
    this.firstRun = { ...result, demoUsers };
    return this.firstRun;
  }

  private async createOrganization(): Promise<FirstRun> {
    const settings = orgSettings.parse({});
    const org = await this.repo.createOrganization({ name: this.config.orgName, slug: slugify(this.config.orgName), settings: settings as Prisma.InputJsonValue });
    const organizationId = org.id;
    await this.audit.record({ organizationId, actor: SYSTEM, action: 'organization.create', entityType: 'Organization', entityId: org.id, after: org });

    const generatedPassword = this.config.adminPassword ? undefined : randomBytes(12).toString('base64url');
    // An operator's choice, not a user's: warned about, not refused (the first start must not fail on it).
    if (this.config.adminPassword) {
      const weak = passwordStrengthProblems(this.config.adminPassword, [this.config.adminEmail, this.config.orgName]);
      if (weak.length) this.logger.warn(`AIRLOCK_ADMIN_PASSWORD ${weak.join('; ')}. The first owner was created with it: change it after signing in (users choosing a password get a 400 for this).`);
    }
    const owner = await this.repo.createOwner({
      organizationId,
      email: this.config.adminEmail,
      name: 'Administrator',
      passwordHash: await hashPassword(this.config.adminPassword ?? generatedPassword!),
    });
    await this.audit.record({ organizationId, actor: SYSTEM, action: 'user.create', entityType: 'User', entityId: owner.id, after: owner });

    await this.repo.createDataClasses(BUILTIN_DATA_CLASSES.map((c) => ({ organizationId, key: c.id, name: c.label, description: c.description, builtin: true })));

    const catalog = loadBuiltinCatalog();
    await this.repo.createProviders(catalog.providers.map((p) => builtinRowData(organizationId, p, catalog.catalogVersion, settings.restrictedJurisdictions)));
    await this.catalogReleases.recordInitialSeed(organizationId, catalog);

    await this.repo.createZone({ organizationId, name: 'corporate', description: 'The corporate network (edit to match yours)', cidrs: ['10.0.0.0/8', 'fd00::/8'] });

    await this.repo.createRules(defaultPolicyRules({ restrictedJurisdictions: readOrgSettings(org.settings).restrictedJurisdictions }).map((r) => ruleToRow(organizationId, r)));
    await this.audit.record({
      organizationId,
      actor: SYSTEM,
      action: 'catalog.seed',
      entityType: 'Organization',
      entityId: organizationId,
      after: { providers: catalog.providers.length, catalogVersion: catalog.catalogVersion, rules: 'default policy' },
    });
    await this.policy.publish(organizationId, SYSTEM, 'Initial policy: the default rules and the built-in catalog');
    await this.ensureBootstrapKey(organizationId);
    this.logger.log(`Created organization "${org.name}" with ${catalog.providers.length} catalog services and the default policy (version 1)`);
    return { created: true, organizationId, adminEmail: owner.email, generatedPassword, demo: this.config.demoData };
  }

  /** AIRLOCK_BOOTSTRAP_API_KEY is accepted as it is (any format), like Unleash's INIT_CLIENT_API_TOKENS. */
  private async ensureBootstrapKey(organizationId: string): Promise<void> {
    const key = this.config.bootstrapApiKey;
    if (!key) return;
    const keyHash = sha256Hex(key);
    if (await this.repo.keyExists(keyHash)) return;
    const client = await this.repo.createClientWithKey(
      organizationId,
      { name: 'bootstrap', description: 'Created from AIRLOCK_BOOTSTRAP_API_KEY', scopes: ['decide', 'bundle', 'incidents:write'] },
      { prefix: apiKeyPrefix(key), keyHash },
    );
    await this.audit.record({ organizationId, actor: SYSTEM, action: 'api_client.create', entityType: 'ApiClient', entityId: client.id, after: client });
  }

  /** What the launcher prints so a newcomer can sign in. */
  signInHelp(): string[] {
    const fr = this.firstRun;
    if (!fr) return [];
    if (fr.generatedPassword) {
      const lines = [
        `Sign in as ${fr.adminEmail} with password ${fr.generatedPassword}`,
        '(generated on this first start and shown only now; set AIRLOCK_ADMIN_PASSWORD to choose one)',
      ];
      if (fr.demoUsers?.length) lines.push('Demo users (the same password):', ...demoUserLines(fr.demoUsers));
      return lines;
    }
    const lines =
      fr.created && this.config.adminPassword
        ? [`Sign in as ${fr.adminEmail} with the password in AIRLOCK_ADMIN_PASSWORD`]
        : [`Sign in as ${fr.adminEmail} (the password printed at first start, or AIRLOCK_ADMIN_PASSWORD)`];
    // Demo users were created with the first owner's password of the time.
    if (fr.demoUsers?.length) lines.push(fr.created ? 'Demo users (the same password):' : 'Demo users (the password the first owner was given at the first start):', ...demoUserLines(fr.demoUsers));
    return lines;
  }
}

/** One line per demo user of the banner: the e-mail, then the role, aligned. */
function demoUserLines(users: { email: string; role: string }[]): string[] {
  const width = Math.max(...users.map((u) => u.email.length));
  return users.map((u) => `  ${u.email.padEnd(width)}  ${u.role}`);
}

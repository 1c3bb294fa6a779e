import { v7 as uuidv7 } from 'uuid';
import { Injectable, Logger } from '@nestjs/common';
import type { Action, Channel } from '@airlock/policy-engine';
import { mulberry32 } from '../../common/mulberry32';
import type { Role } from '../../generated/prisma/enums';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { type DecisionLogEntry, DecisionLogWriter } from '../decisions/decision-log.writer';
import { compileSnapshot } from '../policy/compiled-policy';
import { PolicyRepository } from '../policy/policy.repository';
import { snapshotHash } from '../policy/policy-snapshot';
import { PolicyService } from '../policy/policy.service';
import { DemoIncidentsSeeder } from './demo-incidents.seeder';
import { DemoRepository } from './demo.repository';
import { Transactions } from '../../database/transactions';

const DEMO: Actor = { type: 'system', id: null, label: 'system (demo data)' };

export const DEMO_USERS: { email: string; name: string; role: Role; groups: string[] }[] = [
  { email: 'maria.admin@example.com', name: 'Maria Admin', role: 'admin', groups: ['security'] },
  { email: 'sam.analyst@example.com', name: 'Sam Analyst', role: 'analyst', groups: ['security'] },
  { email: 'olivia.auditor@example.com', name: 'Olivia Auditor', role: 'auditor', groups: ['legal'] },
  { email: 'eve.employee@example.com', name: 'Eve Engineer', role: 'employee', groups: ['engineering'] },
  { email: 'dan.sales@example.com', name: 'Dan Sales', role: 'employee', groups: ['sales'] },
  { email: 'hannah.hr@example.com', name: 'Hannah HR', role: 'employee', groups: ['hr'] },
  { email: 'leo.legal@example.com', name: 'Leo Legal', role: 'employee', groups: ['legal'] },
];

const GROUPS = [
  { name: 'engineering', description: 'Software engineering', ssoGroups: ['Engineering'] },
  { name: 'legal', description: 'Legal and compliance', ssoGroups: ['Legal'] },
  { name: 'hr', description: 'People and HR', ssoGroups: ['HR'] },
  { name: 'sales', description: 'Sales and customer success', ssoGroups: ['Sales'] },
  { name: 'security', description: 'Security team', ssoGroups: ['Security'] },
];

function pick<T>(rand: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of weighted) {
    r -= w;
    if (r <= 0) return v;
  }
  return weighted[weighted.length - 1]![0];
}

/**
 * The lived-in demo of AIRLOCK_DEMO_DATA: users of every role, groups, zones, catalog decisions
 * (published as version 2), incidents in various states and three weeks of decision history
 * evaluated by the real policy, so every page of the console has something true to show.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly transactions: Transactions,
    private readonly repo: DemoRepository,
    private readonly policy: PolicyService,
    private readonly policyRepo: PolicyRepository,
    private readonly audit: AuditService,
    private readonly writer: DecisionLogWriter,
    private readonly incidents: DemoIncidentsSeeder,
  ) {}

  demoEmails(): string[] {
    return DEMO_USERS.map((u) => u.email);
  }

  /** The demo users an organization still has (enabled), in the demo's order, with their role: none once removed or disabled. */
  async presentDemoUsers(organizationId: string): Promise<{ email: string; role: Role }[]> {
    const present = new Set(await this.repo.enabledUsersAmong(organizationId, this.demoEmails()));
    return DEMO_USERS.filter((u) => present.has(u.email)).map((u) => ({ email: u.email, role: u.role }));
  }

  async seed(organizationId: string): Promise<void> {
    await this.transactions.run(
      async () => {
        const owner = await this.repo.firstOwner(organizationId);
        await this.repo.createGroups(organizationId, GROUPS);
        for (const u of DEMO_USERS) {
          const user = await this.repo.createUser({ organizationId, ...u, passwordHash: owner.passwordHash });
          await this.audit.record({ organizationId, actor: DEMO, action: 'user.create', entityType: 'User', entityId: user.id, after: user });
        }
        await this.repo.createZones(organizationId, [
          { name: 'vpn', description: 'Remote access VPN (CGNAT range)', cidrs: ['100.64.0.0/10'] },
          { name: 'guest', description: 'Guest Wi-Fi', cidrs: ['192.168.100.0/24'] },
        ]);
        const statuses: [string[], 'approved' | 'restricted' | 'blocked', string][] = [
          [['openai-chatgpt', 'openai-api', 'anthropic-claude', 'anthropic-api', 'microsoft-copilot', 'microsoft-365-copilot'], 'approved', 'Enterprise agreement with no training on our data'],
          [['google-gemini', 'mistral-le-chat'], 'restricted', 'Allowed for public information only until the enterprise contract is signed'],
          [['deepseek'], 'blocked', "Data is stored in the People's Republic of China, where the 2017 National Intelligence Law can compel disclosure"],
        ];
        for (const [slugs, status, statusReason] of statuses) {
          await this.repo.setProviderStatus(organizationId, slugs, status, statusReason, new Date());
        }
        await this.audit.record({ organizationId, actor: DEMO, action: 'catalog.demo_statuses', entityType: 'Organization', entityId: organizationId, after: { statuses } });
        await this.policy.publish(organizationId, DEMO, 'Demo: approve OpenAI, Anthropic and Microsoft Copilot; restrict Gemini and Mistral; block DeepSeek');
      },
      { timeout: 120_000 },
    );
    await this.incidents.seed(organizationId);
    const written = await this.seedDecisionHistory(organizationId, 21, 24_000);
    this.logger.log(`Demo data: ${DEMO_USERS.length} users, ${GROUPS.length} groups, 3 zones, ${written} decisions over 21 days`);
  }

  /** Three weeks of decisions with a working-hours rhythm, answered by the published policy. */
  private async seedDecisionHistory(organizationId: string, days: number, count: number): Promise<number> {
    const snapshot = await this.policyRepo.draftSnapshot(organizationId);
    const latest = await this.policyRepo.latestVersion(organizationId);
    const compiled = compileSnapshot(organizationId, latest?.number ?? 1, snapshotHash(snapshot), snapshot);
    const rand = mulberry32(20261129);
    const providers: (readonly [string, number])[] = [
      ['openai-chatgpt', 30], ['microsoft-365-copilot', 14], ['anthropic-claude', 12], ['github-copilot', 9], ['google-gemini', 8],
      ['perplexity', 5], ['deepseek', 5], ['mistral-le-chat', 3], ['grammarly', 4], ['deepl', 4], ['notion-ai', 2], ['character-ai', 1],
      ['alibaba-qwen', 1], ['moonshot-kimi', 1], ['host:chat.unknown-ai.example', 1],
    ];
    const actions: (readonly [Action, number])[] = [['access', 55], ['prompt', 37], ['upload', 8]];
    const classes: (readonly [string[], number])[] = [
      [[], 70], [['personal_data'], 8], [['source_code'], 7], [['credentials'], 2], [['client_information'], 4], [['company_confidential'], 3],
      [['health_data'], 1], [['financial'], 1], [['creative_work'], 2], [['personal_data', 'client_information'], 2],
    ];
    const zones: (readonly [string[], number])[] = [[['corporate'], 60], [['vpn'], 28], [['guest'], 6], [[], 6]];
    const subjects = [...DEMO_USERS.filter((u) => u.role === 'employee'), ...Array.from({ length: 40 }, (_, i) => ({ email: `employee${i + 1}@example.com`, groups: [GROUPS[i % GROUPS.length]!.name] }))];
    const now = Date.now();
    const start = now - days * 86_400_000;
    const entries: DecisionLogEntry[] = [];
    for (let i = 0; i < count; i++) {
      let t = start + rand() * (now - start);
      const d = new Date(t);
      // Fewer decisions at night and at weekends.
      const hour = d.getUTCHours();
      const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
      if ((hour < 7 || hour > 19 || weekend) && rand() < 0.75) t = start + ((t - start + 12 * 3_600_000) % (now - start));
      const destination = pick(rand, providers);
      const action = pick(rand, actions);
      const dataClasses = action === 'access' ? [] : pick(rand, classes);
      const networkZones = pick(rand, zones);
      const subject = subjects[Math.floor(rand() * subjects.length)]!;
      const channel: Channel = destination === 'github-copilot' ? 'ide' : rand() < 0.9 ? 'web' : 'desktop';
      const decision = compiled.evaluator.evaluate({
        action,
        destination: destination.startsWith('host:') ? { host: destination.slice(5) } : { provider: destination },
        subject: { groups: subject.groups },
        context: { channel, networkZones },
        dataClasses,
      });
      entries.push({
        // Time-ordered like every logged decision (UUIDv7 of the decision's millisecond).
        id: uuidv7({ msecs: t }),
        time: new Date(t),
        organizationId,
        apiClientId: null,
        policyVersion: compiled.version,
        providerSlug: decision.provider?.slug ?? null,
        destinationHost: decision.destination.host,
        action,
        channel,
        networkZones: [...decision.networkZones],
        subjectId: subject.email,
        subjectGroups: subject.groups,
        effect: decision.effect,
        ruleIds: decision.reasons.map((r) => r.ruleId),
        dataClasses: [...decision.dataClasses],
        contentHmac: null,
        correlationId: null,
        latencyMicros: 20 + Math.floor(rand() * 200),
        staleSeconds: null,
      });
    }
    await this.writer.writeNow(entries);
    return entries.length;
  }
}

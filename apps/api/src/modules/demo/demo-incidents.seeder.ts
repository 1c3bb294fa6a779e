import { Injectable, Logger } from '@nestjs/common';
import { dataClassesOfKinds, type IncidentUpdate, type ReportDataKind } from '@airlock/contracts';
import type { Actor } from '../auth/auth-context';
import { randomToken, sha256Hex } from '../auth/tokens';
import { ANONYMOUS_ACTOR, AUTOMATIC_ACTOR, IncidentsService, portalTitle } from '../incidents/incidents.service';
import { IncidentsRepository } from '../incidents/incidents.repository';

const HOUR = 3_600_000;

interface Step {
  /** Hours after the report. */
  at: number;
  by: 'analyst' | 'admin';
  update?: IncidentUpdate;
  comment?: string;
  /** Check every checklist item. */
  checkAll?: boolean;
}

interface DemoIncident {
  /** Hours before now. */
  hoursAgo: number;
  reporter: string | 'anonymous' | 'automatic' | 'analyst';
  provider: string | { other: string };
  kinds: ReportDataKind[];
  description: string;
  awareHoursAgo?: number;
  occurredHoursBeforeReport?: number;
  steps: Step[];
  /** Closed as a duplicate of the demo incident at this index. */
  duplicateOf?: number;
  subject?: string;
}

/**
 * A dozen realistic incidents for the demo organization, made through IncidentsService (the same
 * code as real reports, with its clock moved back), so numbers, timelines, checklists, deadlines
 * and audit events are consistent: every status, every closure reason, two anonymous reports, one
 * automatic, two overdue and two due soon.
 */
@Injectable()
export class DemoIncidentsSeeder {
  private readonly logger = new Logger('DemoIncidents');

  constructor(
    private readonly incidents: IncidentsService,
    private readonly repo: IncidentsRepository,
  ) {}

  async seed(organizationId: string): Promise<void> {
    const emails = [
      'sam.analyst@example.com',
      'maria.admin@example.com',
      'eve.employee@example.com',
      'dan.sales@example.com',
      'hannah.hr@example.com',
      'leo.legal@example.com',
    ];
    const users = new Map((await this.repo.findUsersByEmail(organizationId, emails)).map((u) => [u.email, u.id]));
    const actorFor = (email: string): Actor => ({ type: 'user', id: users.get(email) ?? null, label: email });
    const sam = actorFor('sam.analyst@example.com');
    const maria = actorFor('maria.admin@example.com');
    const samId = users.get(sam.label) ?? null;
    const base = Date.now();
    const ago = (h: number) => new Date(base - h * HOUR);

    const demo: DemoIncident[] = [
      {
        hoursAgo: 480,
        reporter: 'eve.employee@example.com',
        provider: 'openai-chatgpt',
        kinds: ['passwords_keys'],
        description:
          'I pasted a stack trace into ChatGPT to debug a failing deploy and only afterwards saw it contained the staging database connection string, password included.',
        occurredHoursBeforeReport: 1,
        steps: [
          { at: 1, by: 'analyst', update: { status: 'triaged', assigneeId: '$sam' } },
          {
            at: 2,
            by: 'analyst',
            update: { status: 'investigating' },
            comment: 'Staging DB password rotated by the platform team; no logins from unknown addresses since the paste.',
          },
          { at: 3, by: 'analyst', checkAll: true },
          { at: 5, by: 'analyst', update: { status: 'resolved' } },
          {
            at: 24,
            by: 'analyst',
            update: { status: 'closed', closureReason: 'remediated' },
            comment: 'Conversation deleted by Eve; credential rotated. Closing.',
          },
        ],
      },
      {
        hoursAgo: 360,
        reporter: 'dan.sales@example.com',
        provider: 'google-gemini',
        kinds: ['customer_data'],
        description: 'Asked Gemini to rewrite a proposal intro that names Northwind Traders. Not sure whether that counts as client data.',
        steps: [
          { at: 2, by: 'analyst', update: { status: 'triaged', assigneeId: '$sam' } },
          {
            at: 4,
            by: 'analyst',
            update: { status: 'closed', closureReason: 'false_positive' },
            comment: 'Only the client name and facts from their public website: nothing confidential. Thanks for checking, Dan.',
          },
        ],
      },
      {
        hoursAgo: 288,
        reporter: 'analyst',
        provider: 'github-copilot',
        kinds: ['source_code'],
        description: 'The mobile team used GitHub Copilot on the open-source SDK repository before the Copilot Business rollout.',
        steps: [
          { at: 3, by: 'admin', update: { status: 'investigating', assigneeId: '$sam' } },
          {
            at: 48,
            by: 'admin',
            update: { status: 'closed', closureReason: 'risk_accepted', riskAcceptedUntil: new Date(base + 60 * 24 * HOUR).toISOString() },
            comment: 'The repository is public (Apache-2.0). Risk accepted until Copilot Business is rolled out; review then.',
          },
        ],
      },
      {
        hoursAgo: 216,
        reporter: 'hannah.hr@example.com',
        provider: 'perplexity',
        kinds: ['personal_info'],
        description: "Pasted a candidate's CV (name, phone, address) into Perplexity to summarise it for the hiring manager.",
        steps: [
          { at: 1, by: 'analyst', update: { status: 'investigating', assigneeId: '$sam' } },
          {
            at: 6,
            by: 'analyst',
            update: { status: 'contained' },
            comment: 'Thread deleted; Perplexity asked to delete the data. DPO: low risk, no notification needed (recorded).',
          },
          { at: 30, by: 'analyst', checkAll: true },
          { at: 30, by: 'analyst', update: { status: 'resolved' } },
        ],
      },
      {
        hoursAgo: 215,
        reporter: 'hannah.hr@example.com',
        provider: 'perplexity',
        kinds: ['personal_info'],
        description: 'Reporting the CV summary in Perplexity again, I am not sure the first report went through.',
        duplicateOf: 3,
        steps: [
          {
            at: 2,
            by: 'analyst',
            update: { status: 'closed', closureReason: 'duplicate', duplicateOfId: '$dup' },
            comment: 'Same paste as the earlier report.',
          },
        ],
      },
      {
        hoursAgo: 96,
        reporter: 'anonymous',
        provider: 'deepseek',
        kinds: ['health'],
        description: "A colleague in my team used DeepSeek to translate a sick note with a diagnosis on it. I don't want to name them.",
        steps: [
          { at: 3, by: 'analyst', update: { status: 'investigating', assigneeId: '$sam' } },
          {
            at: 20,
            by: 'analyst',
            comment:
              'DeepSeek is blocked on the corporate network; this was on a personal phone. Waiting for the DPO on whether to notify.',
          },
        ],
      },
      {
        hoursAgo: 2,
        reporter: 'anonymous',
        provider: { other: 'AI Helper browser extension' },
        kinds: ['not_sure'],
        description: 'The "AI Helper" extension some people installed reads every page, including our CRM. Is that allowed?',
        steps: [],
      },
      {
        hoursAgo: 30,
        reporter: 'automatic',
        provider: 'deepseek',
        kinds: ['passwords_keys'],
        subject: 'employee12@example.com',
        description: '',
        steps: [
          {
            at: 2,
            by: 'analyst',
            update: { status: 'triaged', assigneeId: '$sam' },
            comment: 'Blocked, so nothing left. Asked the user what they were trying to do.',
          },
        ],
      },
      {
        hoursAgo: 55,
        reporter: 'dan.sales@example.com',
        provider: 'mistral-le-chat',
        kinds: ['customer_data'],
        description:
          "Uploaded the Q3 account plan for Contoso (contacts, deal values) to Le Chat to make slides. Le Chat is 'restricted' but I forgot.",
        steps: [{ at: 4, by: 'analyst', update: { status: 'triaged' } }],
      },
      {
        hoursAgo: 144,
        reporter: 'leo.legal@example.com',
        provider: 'notion-ai',
        kinds: ['internal_docs'],
        description: 'Used Notion AI on the draft board minutes in my personal Notion workspace.',
        steps: [
          { at: 5, by: 'analyst', update: { status: 'investigating', assigneeId: '$sam' } },
          { at: 26, by: 'analyst', checkAll: true },
          {
            at: 27,
            by: 'analyst',
            update: { status: 'resolved' },
            comment: 'Page moved to the company workspace and deleted from the personal one.',
          },
        ],
      },
      {
        hoursAgo: 60,
        awareHoursAgo: 80,
        reporter: 'eve.employee@example.com',
        provider: 'character-ai',
        kinds: ['financial'],
        description: "Typed our company card number into a Character.AI chat while testing a 'travel agent' bot.",
        steps: [
          {
            at: 1,
            by: 'analyst',
            update: { status: 'contained', assigneeId: '$sam' },
            comment: 'Card frozen with the bank; replacement ordered.',
          },
        ],
      },
      {
        hoursAgo: 20,
        reporter: 'leo.legal@example.com',
        provider: 'meta-ai',
        kinds: ['ids'],
        description: 'Asked Meta AI to check the format of a passport number list for a visa application batch.',
        steps: [],
      },
    ];

    const created: { id: string }[] = [];
    for (const d of demo) {
      const reportedAt = ago(d.hoursAgo);
      const provider = typeof d.provider === 'string' ? await this.repo.findProviderBySlug(organizationId, d.provider) : null;
      const other = typeof d.provider === 'string' ? (provider ? null : d.provider) : d.provider.other;
      const service = provider?.name ?? other ?? 'an AI service';
      const dataClasses = dataClassesOfKinds(d.kinds);
      const named = d.reporter !== 'anonymous' && d.reporter !== 'automatic' && d.reporter !== 'analyst';
      const reporterActor: Actor =
        d.reporter === 'anonymous'
          ? ANONYMOUS_ACTOR
          : d.reporter === 'automatic'
            ? AUTOMATIC_ACTOR
            : d.reporter === 'analyst'
              ? maria
              : actorFor(d.reporter);
      const row = await this.incidents.createIncident({
        organizationId,
        actor: reporterActor,
        source: d.reporter === 'automatic' ? 'automatic' : d.reporter === 'analyst' ? 'analyst' : 'portal',
        title:
          d.reporter === 'automatic'
            ? `Blocked: Credentials to ${service}`
            : d.reporter === 'analyst'
              ? `Source code sent to ${service} before the enterprise rollout`
              : portalTitle(d.kinds, service),
        description: d.description || `Airlock blocked a request that would have sent credentials to ${service} (subject ${d.subject}).`,
        providerId: provider?.id ?? null,
        providerOther: other,
        dataClasses,
        occurredAt: d.occurredHoursBeforeReport ? new Date(reportedAt.getTime() - d.occurredHoursBeforeReport * HOUR) : null,
        ...(d.awareHoursAgo ? { awareAt: ago(d.awareHoursAgo) } : {}),
        reporterId: named ? (users.get(d.reporter) ?? null) : d.reporter === 'analyst' ? maria.id : null,
        anonymous: d.reporter === 'anonymous',
        // A status code nobody holds: the demo's anonymous reporters are fictional.
        statusTokenHash: d.reporter === 'anonymous' ? sha256Hex(randomToken(24)) : null,
        ...(d.reporter === 'automatic' ? { createdEventData: { subject: d.subject, subjectKey: d.subject } } : {}),
        now: reportedAt,
      });
      created.push(row);
      for (const s of d.steps) {
        const now = new Date(reportedAt.getTime() + s.at * HOUR);
        const actor = s.by === 'admin' ? maria : sam;
        if (s.update) {
          const update: IncidentUpdate = { ...s.update };
          if (update.assigneeId === '$sam') update.assigneeId = samId;
          if (update.duplicateOfId === '$dup' && d.duplicateOf !== undefined) update.duplicateOfId = created[d.duplicateOf]!.id;
          // Resolving or closing with open checklist tasks needs its reason, as in the console.
          if ((update.status === 'resolved' || update.status === 'closed') && (await this.repo.tasksOf(organizationId, row.id)).some((x) => !x.done))
            update.openTasksReason = s.comment ?? 'The remaining tasks did not apply to this report.';
          await this.incidents.update(organizationId, actor, row.id, update, { now });
        }
        if (s.checkAll) {
          for (const t of await this.repo.tasksOf(organizationId, row.id))
            await this.incidents.setTaskDone(organizationId, actor, row.id, t.id, true, { now });
        }
        if (s.comment) await this.incidents.addComment(organizationId, actor, row.id, s.comment, { now: new Date(now.getTime() + 60_000) });
      }
    }
    this.logger.log(`Demo data: ${created.length} incidents`);
  }
}

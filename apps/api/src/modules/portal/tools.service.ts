import { Injectable } from '@nestjs/common';
import { ACCOUNT_TYPES, TRAINS_ON_INPUTS, type PortalToolOutput, type PortalToolsOutput } from '@airlock/contracts';
import { BUILTIN_DATA_CLASSES, type Decision, type Effect } from '@airlock/policy-engine';
import { AppError } from '../../common/errors';
import type { UserAuth } from '../auth/auth-context';
import { PolicyRuntime } from '../policy/policy-runtime.service';
import { PortalRepository } from './portal.repository';

const STATUS_WORDS = {
  approved: 'Approved for work use',
  restricted: 'Allowed with restrictions',
  under_review: 'Not reviewed yet',
  blocked: 'Blocked',
} as const;

interface Usable {
  slug: string;
  name: string;
  status: PortalToolOutput['status'];
  prompt: Effect;
  access: Effect;
  channels: readonly string[];
}

/** What the portal lists under "You may use": approved or restricted, and the policy lets this person send a prompt. */
function mayUse(t: Usable): boolean {
  return (t.status === 'approved' || t.status === 'restricted') && t.prompt !== 'block' && t.access !== 'block';
}

/** Up to three services to use instead: approved before restricted, then those reached the same ways first (web, desktop, IDE, API…). */
export function alternativesTo(tool: Usable, usable: readonly Usable[]): string[] {
  const shared = (u: Usable) => u.channels.filter((c) => tool.channels.includes(c)).length;
  return [...usable]
    .filter((u) => u.slug !== tool.slug)
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'approved' ? -1 : 1) || shared(b) - shared(a) || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((u) => u.slug);
}

/** The catalog's per-account training facts (Provider.accountTypes), the ones that state it. */
export function accountTraining(raw: unknown): PortalToolOutput['accountTraining'] {
  if (!Array.isArray(raw)) return [];
  const out: PortalToolOutput['accountTraining'] = [];
  for (const a of raw as { kind?: unknown; name?: unknown; trainsOnInputs?: unknown }[]) {
    if (!a || !ACCOUNT_TYPES.includes(a.kind as never) || !TRAINS_ON_INPUTS.includes(a.trainsOnInputs as never)) continue;
    out.push({ kind: a.kind as (typeof ACCOUNT_TYPES)[number], name: typeof a.name === 'string' ? a.name : '', trainsOnInputs: a.trainsOnInputs as (typeof TRAINS_ON_INPUTS)[number] });
  }
  return out;
}

/**
 * "Which AI services may I use?": every catalog service with what the published policy allows the
 * asking employee (their groups) to send there, in plain words. Computed by asking the policy the
 * same questions a browser extension would, so the page can never disagree with enforcement.
 */
@Injectable()
export class ToolsService {
  constructor(
    private readonly runtime: PolicyRuntime,
    private readonly repo: PortalRepository,
  ) {}

  async tools(user: UserAuth): Promise<PortalToolsOutput> {
    const policy = this.runtime.get(user.organizationId);
    if (!policy) throw new AppError('unavailable', 'The policy is not loaded yet; retry shortly');
    const details = new Map(
      (await this.repo.serviceDetails(user.organizationId)).map((p) => [p.slug, p]),
    );
    const ask = (slug: string, action: 'access' | 'prompt' | 'upload', dataClasses: string[] = []): Decision =>
      policy.evaluator.evaluate({ action, destination: { provider: slug }, subject: { groups: user.groups }, dataClasses });
    const tools = policy.snapshot.catalog.map((p) => {
      const access = ask(p.slug, 'access');
      const prompt = ask(p.slug, 'prompt');
      const upload = ask(p.slug, 'upload');
      const byClass = BUILTIN_DATA_CLASSES.map((c) => {
        const d = ask(p.slug, 'prompt', [c.id]);
        return { dataClass: c.id, label: c.label, effect: d.effect, message: d.reasons.find((r) => r.effect === d.effect)?.message ?? null };
      });
      const words = (effect: Effect) => byClass.filter((c) => c.effect === effect).map((c) => c.label.toLowerCase());
      const allowed = words('allow');
      const masked = words('redact');
      const warned = words('warn');
      const refused = words('block');
      const summary: string[] = [];
      if (access.effect === 'block' || prompt.effect === 'block') {
        summary.push(`Do not use ${p.name}. ${access.reasons[0]?.message ?? prompt.reasons[0]?.message ?? ''}`.trim());
      } else {
        if (prompt.effect === 'warn' || access.effect === 'warn') summary.push(`You will see a warning before using ${p.name}: ${(prompt.reasons[0] ?? access.reasons[0])?.message ?? ''}`.trim());
        if (allowed.length) summary.push(`You may send general questions and ${allowed.join(', ')}.`);
        if (masked.length) summary.push(`Prompts with ${masked.join(', ')} are sent with those details masked.`);
        if (warned.length) summary.push(`You will be warned before sending ${warned.join(', ')}.`);
        if (refused.length) summary.push(`Never send ${refused.join(', ')}.`);
        summary.push(upload.effect === 'block' ? 'File uploads are not allowed.' : upload.effect === 'allow' ? 'File uploads are allowed.' : `File uploads: ${upload.effect}.`);
      }
      const d = details.get(p.slug);
      return {
        slug: p.slug,
        name: p.name,
        vendor: p.vendor ?? null,
        website: d?.website ?? null,
        description: d?.description ?? null,
        status: p.status,
        statusLabel: STATUS_WORDS[p.status],
        statusReason: p.statusReason ?? null,
        riskScore: p.riskScore ?? null,
        storesDataIn: d?.dataCountries ?? p.dataCountries,
        trainsOnInputs: d?.trainsOnInputs ?? p.trainsOnInputs,
        access: access.effect,
        prompt: prompt.effect,
        upload: upload.effect,
        dataClasses: byClass,
        summary: summary.join(' '),
        domains: p.domains,
        accountTraining: accountTraining(d?.accountTypes),
        alternatives: [] as string[],
        channels: p.channels as readonly string[],
      } satisfies PortalToolOutput & { channels: readonly string[] };
    });
    const order = { approved: 0, restricted: 1, under_review: 2, blocked: 3 } as const;
    tools.sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name));
    const usable = tools.filter(mayUse);
    for (const tool of tools) if (!mayUse(tool)) tool.alternatives = alternativesTo(tool, usable);
    return { policyVersion: policy.version, tools: tools.map(({ channels: _channels, ...tool }) => tool) };
  }
}

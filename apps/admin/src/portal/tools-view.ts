/**
 * What the "Which AI services may I use?" page derives from GET /api/portal/tools: the search, the
 * split into usable and not, and the one training statement of a card. Pure: tools-view.spec.ts.
 */
import type { PortalToolOutput } from '@airlock/contracts/types';

type Tool = Pick<PortalToolOutput, 'slug' | 'name' | 'vendor' | 'domains' | 'status' | 'prompt' | 'access' | 'trainsOnInputs' | 'accountTraining'>;

/** Folded for comparison: lower case, accents and punctuation ignored ("Le Chat" ~ "le-chat"). */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

/** The search matches the name, the vendor, the catalog id and the domains, case-insensitively. */
export function matchesSearch(tool: Tool, query: string): boolean {
  const q = fold(query);
  if (!q) return true;
  const hay = [tool.name, tool.vendor ?? '', tool.slug, ...tool.domains.map((d) => d.replace(/^\*\./, ''))].map(fold);
  return hay.some((h) => h.includes(q)) || hay.join(' ').includes(q);
}

/** Listed under "You may use": approved or restricted, and the policy lets this person send a prompt there. */
export function mayUse(tool: Tool): boolean {
  return (tool.status === 'approved' || tool.status === 'restricted') && tool.prompt !== 'block' && tool.access !== 'block';
}

export type TrainsOnInputs = PortalToolOutput['trainsOnInputs'];
export type AccountKind = PortalToolOutput['accountTraining'][number]['kind'];

/**
 * The card's one training statement, from one place: the catalog's per-account facts when they
 * differ (a work account that never trains, a personal one that does unless opted out), otherwise
 * the service's own. Work accounts first: they are what the organization's agreements cover.
 */
export function trainingStatement(tool: Tool): { kind: 'single'; trains: TrainsOnInputs } | { kind: 'byAccount'; accounts: { kind: AccountKind; trains: TrainsOnInputs }[] } {
  const order: Record<AccountKind, number> = { business: 0, api: 1, consumer: 2 };
  const byKind = new Map<AccountKind, TrainsOnInputs>();
  for (const a of tool.accountTraining) if (!byKind.has(a.kind)) byKind.set(a.kind, a.trainsOnInputs);
  const values = new Set(byKind.values());
  // one kind of account known, or all agree: one statement (the accounts' when they agree)
  if (byKind.size < 2) return { kind: 'single', trains: tool.trainsOnInputs };
  if (values.size === 1) return { kind: 'single', trains: [...values][0]! };
  return { kind: 'byAccount', accounts: [...byKind.entries()].sort((a, b) => order[a[0]] - order[b[0]]).map(([kind, trains]) => ({ kind, trains })) };
}

import type { Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { AuditEvent } from '../../generated/prisma/client';
import type { SiemTap } from '../siem/siem-tap';
import type { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** Events with large snapshots (a policy with its rules, before and after): each line takes a while to diff and quote. */
function bigEvents(count: number): AuditEvent[] {
  const policy = (v: number) => ({
    name: `Policy ${v}`,
    rules: Array.from({ length: 60 }, (_, i) => ({ id: `r${i}`, name: `Rule ${i} v${v}`, effect: 'block', when: { dataClasses: { anyOf: ['personal_data'] } } })),
  });
  return Array.from({ length: count }, (_, i) => ({
    id: `e${i}`, organizationId: 'o', seq: count - i, createdAt: new Date(0), actorType: 'user', actorId: null, actorLabel: 'a@example.com',
    action: 'policy.update', entityType: 'Policy', entityId: 'p', before: policy(i), after: policy(i + 1), requestId: null, ip: null, prevHash: 'x', hash: 'y',
  })) as unknown as AuditEvent[];
}

describe('AuditService.export', () => {
  it('lets other work in while it writes a batch of large events, and writes every line', async () => {
    const events = bigEvents(400);
    const repo = {
      exportPage: async (_o: string, _f: unknown, beforeSeq: number | null) => (beforeSeq === null ? events.map((e) => ({ id: e.id, seq: e.seq })) : []),
      // As raw SQL reads them: the snapshots as JSON text.
      byIds: async (_o: string, ids: string[]) =>
        events.filter((e) => ids.includes(e.id)).map((e) => ({ ...e, before: JSON.stringify(e.before), after: JSON.stringify(e.after) })),
      userNames: async () => new Map<string, string>(),
      lockChain: async () => undefined,
      last: async () => null,
      insert: async (row: unknown) => row,
    } as unknown as AuditRepository;
    const transactions = Transactions.over({ $transaction: (fn: (tx: Tx) => Promise<unknown>) => fn({} as Tx) } as never);
    const service = new AuditService(repo, transactions, { audit: () => undefined } as unknown as SiemTap);

    // A timer task that counts its turns while the export runs: a worker held by the whole batch gives it none.
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    let csv = '';
    for await (const chunk of await service.export('o', { type: 'user', id: 'u', label: 'a@example.com' } as never, {} as never)) csv += chunk;
    counting = false;

    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + events.length);
    expect(turns).toBeGreaterThan(3);
  });
});

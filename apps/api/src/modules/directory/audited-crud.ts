import type { Tx } from '../../database/prisma.service';
import type { Transactions } from '../../database/transactions';
import { AppError } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';

/** The row operations an AuditedCrud runs (a repository supplies them; `find` filters by organization). */
export interface CrudOps<Row> {
  find(tx: Tx, organizationId: string, id: string): Promise<Row | null>;
  create(tx: Tx, organizationId: string, data: unknown): Promise<Row>;
  update(tx: Tx, id: string, data: unknown): Promise<Row>;
  remove(tx: Tx, id: string): Promise<unknown>;
}

/**
 * Create, update and delete of one organization-scoped row with its audit event in the same
 * transaction: the shape every simple admin resource (zones, groups, data classes, detectors)
 * shares. `find` must filter by organization; a row of another organization is "not found".
 */
export class AuditedCrud<Row extends { id: string }> {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly entity: { type: string; label: string; action: string },
    private readonly ops: CrudOps<Row>,
  ) {}

  create(organizationId: string, actor: Actor, data: unknown, check?: (tx: Tx) => Promise<void>): Promise<Row> {
    return this.transactions.run(async (tx) => {
      await check?.(tx);
      const row = await this.ops.create(tx, organizationId, data);
      await this.audit.record({ organizationId, actor, action: `${this.entity.action}.create`, entityType: this.entity.type, entityId: row.id, after: row });
      return row;
    });
  }

  update(organizationId: string, actor: Actor, id: string, data: unknown, check?: (tx: Tx, before: Row) => Promise<void>): Promise<Row> {
    return this.transactions.run(async (tx) => {
      const before = await this.ops.find(tx, organizationId, id);
      if (!before) throw AppError.notFound(this.entity.label);
      await check?.(tx, before);
      const row = await this.ops.update(tx, id, data);
      await this.audit.record({ organizationId, actor, action: `${this.entity.action}.update`, entityType: this.entity.type, entityId: id, before, after: row });
      return row;
    });
  }

  remove(organizationId: string, actor: Actor, id: string, check?: (tx: Tx, before: Row) => Promise<void>): Promise<Row> {
    return this.transactions.run(async (tx) => {
      const before = await this.ops.find(tx, organizationId, id);
      if (!before) throw AppError.notFound(this.entity.label);
      await check?.(tx, before);
      await this.ops.remove(tx, id);
      await this.audit.record({ organizationId, actor, action: `${this.entity.action}.delete`, entityType: this.entity.type, entityId: id, before });
      return before;
    });
  }

  async get(organizationId: string, id: string): Promise<Row> {
    const row = await this.ops.find(this.transactions.db, organizationId, id);
    if (!row) throw AppError.notFound(this.entity.label);
    return row;
  }
}

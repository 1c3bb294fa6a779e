import type { Transactions } from '../../database/transactions';
import { AppError } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';

/**
 * The row operations an AuditedCrud runs (a repository supplies them, on `Transactions.db`), every
 * one scoped to the organization: a row of another organization is "not found".
 */
export interface CrudOps<Row> {
  find(organizationId: string, id: string): Promise<Row | null>;
  create(organizationId: string, data: unknown): Promise<Row>;
  update(organizationId: string, id: string, data: unknown): Promise<Row>;
  remove(organizationId: string, id: string): Promise<unknown>;
}

/**
 * Create, update and delete of one organization-scoped row with its audit event in the same
 * transaction (`Transactions.run`; a check runs in it too, before the write): the shape every
 * simple admin resource (zones, groups, data classes, detectors, draft rules) shares.
 */
export class AuditedCrud<Row extends { id: string }> {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly entity: { type: string; label: string; action: string },
    private readonly ops: CrudOps<Row>,
  ) {}

  create(organizationId: string, actor: Actor, data: unknown, check?: () => Promise<void>): Promise<Row> {
    return this.transactions.run(async () => {
      await check?.();
      const row = await this.ops.create(organizationId, data);
      await this.audit.record({ organizationId, actor, action: `${this.entity.action}.create`, entityType: this.entity.type, entityId: row.id, after: row });
      return row;
    });
  }

  update(organizationId: string, actor: Actor, id: string, data: unknown, check?: (before: Row) => Promise<void>): Promise<Row> {
    return this.transactions.run(async () => {
      const before = await this.ops.find(organizationId, id);
      if (!before) throw AppError.notFound(this.entity.label);
      await check?.(before);
      const row = await this.ops.update(organizationId, id, data);
      await this.audit.record({ organizationId, actor, action: `${this.entity.action}.update`, entityType: this.entity.type, entityId: id, before, after: row });
      return row;
    });
  }

  remove(organizationId: string, actor: Actor, id: string, check?: (before: Row) => Promise<void>): Promise<Row> {
    return this.transactions.run(async () => {
      const before = await this.ops.find(organizationId, id);
      if (!before) throw AppError.notFound(this.entity.label);
      await check?.(before);
      await this.ops.remove(organizationId, id);
      await this.audit.record({ organizationId, actor, action: `${this.entity.action}.delete`, entityType: this.entity.type, entityId: id, before });
      return before;
    });
  }

  async get(organizationId: string, id: string): Promise<Row> {
    const row = await this.ops.find(organizationId, id);
    if (!row) throw AppError.notFound(this.entity.label);
    return row;
  }
}

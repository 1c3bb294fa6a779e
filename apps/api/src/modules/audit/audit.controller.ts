import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { auditFilter } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { contentRange, parseListQuery } from '../../common/list-query';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { AuditService } from './audit.service';
import { toAuditOutput } from './audit.serializers';

const SORTABLE = ['seq', 'createdAt', 'action'] as const;

@Controller('api/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Authenticated({ permission: 'audit.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: SORTABLE, defaultSort: ['seq', 'desc'], filter: auditFilter });
    // Written as it is read (AuditService.list): a page of large events is too much to build at once.
    const { count, total, json } = await this.audit.list(user.organizationId, q.filter, q.sort, q.page);
    void reply.header('content-range', contentRange('audit-events', q.page.skip, count, total));
    return new StreamableFile(Readable.from(json), { type: 'application/json; charset=utf-8' });
  }

  /**
   * The events matching the list's filters (`?filter={…}`, the same as the list's) as CSV, newest
   * first, streamed; the export is recorded in the log. Owners and auditors, like the log itself.
   */
  @Authenticated({ permission: 'audit.read' })
  @Get('export.csv')
  async exportCsv(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: SORTABLE, defaultSort: ['seq', 'desc'], filter: auditFilter });
    const lines = await this.audit.export(user.organizationId, actorOf(user), q.filter);
    void reply.header('cache-control', 'no-store');
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
    });
  }

  /** Recomputes the hash chain and names the first broken link. */
  @Authenticated({ permission: 'audit.read' })
  @Get('verify')
  verify(@CurrentUser() user: UserAuth) {
    return this.audit.verify(user.organizationId);
  }

  @Authenticated({ permission: 'audit.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    const e = await this.audit.findOne(user.organizationId, id);
    if (!e) throw AppError.notFound('Audit event');
    return toAuditOutput(e);
  }
}

import { Readable } from 'node:stream';
import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  type BulkResultOutput,
  commentInput,
  incidentBulkAssignInput,
  type IncidentBulkAssignInput,
  incidentCreate,
  type IncidentCreate,
  incidentFilter,
  incidentUpdate,
  type IncidentUpdate,
  messageToReporterInput,
  notificationDecisionInput,
  type NotificationDecisionInput,
  taskToggleInput,
} from '@airlock/contracts';
import type { z } from 'zod';
import { parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { IdempotencyService } from './idempotency.service';
import { toEventOutput, toIncidentOutput, toTaskOutput } from './incidents.serializers';
import { IncidentsService } from './incidents.service';

const SORTABLE = ['number', 'reportedAt', 'severity', 'status', 'notificationDeadline', 'updatedAt'] as const;

/**
 * Triage, in react-admin's conventions (sort / range / filter, Content-Range). Incidents are never
 * deleted: they are closed with a reason.
 */
@Controller('api/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Authenticated({ permission: 'incidents.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: SORTABLE, defaultSort: ['number', 'desc'], filter: incidentFilter });
    const { rows, total, now } = await this.incidents.list(user.organizationId, q);
    return listResponse(reply, 'incidents', q.page, [rows, total], (r) => toIncidentOutput(r, now));
  }

  /** The same filters and sort as the list, every matching row (at most 50,000), as CSV, streamed. */
  @Authenticated({ permission: 'incidents.read' })
  @Get('export.csv')
  async exportCsv(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: SORTABLE, defaultSort: ['number', 'desc'], filter: incidentFilter });
    const lines = await this.incidents.export(user.organizationId, q.filter, q.sort);
    void reply.header('cache-control', 'no-store');
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="incidents-${new Date().toISOString().slice(0, 10)}.csv"`,
    });
  }

  @Authenticated({ permission: 'incidents.read' })
  @Get('metrics')
  metrics(@CurrentUser() user: UserAuth) {
    return this.incidents.metrics(user.organizationId);
  }

  @Authenticated({ permission: 'incidents.read' })
  @Get(':id')
  get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return this.incidents.get(user.organizationId, id);
  }

  @Authenticated({ permission: 'incidents.write' })
  @Post()
  async create(
    @CurrentUser() user: UserAuth,
    @Body(body(incidentCreate)) input: IncidentCreate,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.incidents.createByAnalyst(user, input, IdempotencyService.parseKey(key));
    void reply.status(result.statusCode);
    if (result.replayed) void reply.header('idempotency-replayed', 'true');
    return result.body;
  }

  /** Several incidents to one analyst (the list's bulk action): one transaction, each audited and on its timeline. */
  @Authenticated({ permission: 'incidents.write' })
  @Post('bulk-assign')
  @HttpCode(200)
  bulkAssign(@CurrentUser() user: UserAuth, @Body(body(incidentBulkAssignInput)) input: IncidentBulkAssignInput): Promise<BulkResultOutput> {
    return this.incidents.bulkAssign(user.organizationId, actorOf(user), input.ids, input.assigneeId);
  }

  @Authenticated({ permission: 'incidents.write' })
  @Put(':id')
  async update(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(incidentUpdate)) input: IncidentUpdate) {
    return this.incidents.edit(user.organizationId, actorOf(user), id, input);
  }

  /** Notified the authority (when, reference) or not (why): stops the 72-hour clock. */
  @Authenticated({ permission: 'incidents.write' })
  @Put(':id/notification')
  decideNotification(
    @CurrentUser() user: UserAuth,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(body(notificationDecisionInput)) input: NotificationDecisionInput,
  ) {
    return this.incidents.decideNotification(user.organizationId, actorOf(user), id, input);
  }

  /** A question to an anonymous reporter, shown on their status page. */
  @Authenticated({ permission: 'incidents.write' })
  @Post(':id/reporter-messages')
  async messageReporter(
    @CurrentUser() user: UserAuth,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(body(messageToReporterInput)) input: z.infer<typeof messageToReporterInput>,
  ) {
    return toEventOutput(await this.incidents.messageReporter(user.organizationId, actorOf(user), id, input.body));
  }

  @Authenticated({ permission: 'incidents.read' })
  @Get(':id/events')
  async events(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const rows = await this.incidents.events(user.organizationId, id);
    return listResponse(reply, 'incident-events', { skip: 0, take: rows.length }, [rows, rows.length], toEventOutput);
  }

  @Authenticated({ permission: 'incidents.write' })
  @Post(':id/comments')
  async comment(
    @CurrentUser() user: UserAuth,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(body(commentInput)) input: z.infer<typeof commentInput>,
  ) {
    return toEventOutput(await this.incidents.addComment(user.organizationId, actorOf(user), id, input.body));
  }

  @Authenticated({ permission: 'incidents.read' })
  @Get(':id/tasks')
  async tasks(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const rows = await this.incidents.tasks(user.organizationId, id);
    return listResponse(reply, 'incident-tasks', { skip: 0, take: rows.length }, [rows, rows.length], toTaskOutput);
  }

  @Authenticated({ permission: 'incidents.write' })
  @Put(':id/tasks/:taskId')
  async toggleTask(
    @CurrentUser() user: UserAuth,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('taskId', ParseUUIDPipe) taskId: string,
    @Body(body(taskToggleInput)) input: z.infer<typeof taskToggleInput>,
  ) {
    return toTaskOutput(await this.incidents.setTaskDone(user.organizationId, actorOf(user), id, taskId, input.done));
  }

  /** Likely duplicates: same service, a shared data class, same reporter, within 24 hours. */
  @Authenticated({ permission: 'incidents.read' })
  @Get(':id/similar')
  similar(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return this.incidents.similar(user.organizationId, id);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import {
  incidentStatus,
  portalIncidentInput,
  type PortalIncidentInput,
  reporterMessageInput,
  type ReporterMessageInput,
  statusTokenInput,
  type StatusTokenInput,
} from '@airlock/contracts';
import { z } from 'zod';
import { listResponse } from '../../common/list-response';
import { parseListQuery } from '../../common/list-query';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser, Public, RateLimit } from '../auth/access.decorators';
import type { UserAuth } from '../auth/auth-context';
import { IdempotencyService } from '../incidents/idempotency.service';
import { toPortalIncidentOutput } from '../incidents/incidents.serializers';
import { IncidentsService } from '../incidents/incidents.service';
import { QUIET_REQUEST_LOG } from '../../common/quiet-request-log';

const mineFilter = z.strictObject({ status: z.union([incidentStatus, z.array(incidentStatus).max(6)]).optional() });

/** No request log line on these routes: nothing ties an address to opening the form or to a report. */
const QUIET = { [QUIET_REQUEST_LOG]: true };

/**
 * The employee side of incidents: report in a minute (named or anonymous), follow one's own named
 * reports, and follow an anonymous one with its status code. Nothing here logs who the user is.
 */
@Controller('api/portal')
export class IncidentsPortalController {
  constructor(private readonly incidents: IncidentsService) {}

  /** What the report form offers: plain-words data kinds and the catalog's services (+ "other"). */
  @Authenticated({ permission: 'portal' })
  @RouteConfig(QUIET)
  @Get('incident-options')
  options(@CurrentUser() user: UserAuth) {
    return this.incidents.reportOptions(user.organizationId);
  }

  @Authenticated({ permission: 'portal' })
  @RouteConfig(QUIET)
  @Post('incidents')
  async report(
    @CurrentUser() user: UserAuth,
    @Body(body(portalIncidentInput)) input: PortalIncidentInput,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.incidents.reportFromPortal(user, input, IdempotencyService.parseKey(key));
    void reply.status(result.statusCode).header('cache-control', 'no-store');
    if (result.replayed) void reply.header('idempotency-replayed', 'true');
    return result.body;
  }

  /** The signed-in employee's own named reports (anonymous ones are followed by status code only). */
  @Authenticated({ permission: 'portal' })
  @RouteConfig(QUIET)
  @Get('incidents')
  async mine(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, {
      sortable: ['reportedAt', 'number', 'status'],
      defaultSort: ['reportedAt', 'desc'],
      filter: mineFilter,
    });
    const status = q.filter.status === undefined ? undefined : Array.isArray(q.filter.status) ? q.filter.status : [q.filter.status];
    const { rows, total } = await this.incidents.listMine(user, { ...q, filter: status ? { status } : {} });
    return listResponse(reply, 'incidents', q.page, [rows, total], toPortalIncidentOutput);
  }

  /**
   * Anyone holding the code shown once at an anonymous report: its number, status, last update and
   * the messages with the team. The code travels in the body (POST), never in the URL: a URL stays
   * in the browser history of a managed laptop and in proxy logs, and would link report and person.
   */
  @Public()
  @RateLimit({ perMinute: 30, bucket: 'status-token' })
  @RouteConfig(QUIET)
  @HttpCode(200)
  @Post('incidents/status')
  async status(@Body(body(statusTokenInput)) input: StatusTokenInput, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.incidents.statusView(input.token);
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return view;
  }

  /** The anonymous reporter answers the team's questions (or adds something); the code proves the report. */
  @Public()
  @RateLimit({ perMinute: 30, bucket: 'status-token' })
  @RouteConfig(QUIET)
  @Post('incidents/status/messages')
  async reply(@Body(body(reporterMessageInput)) input: ReporterMessageInput, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.incidents.replyByToken(input.token, input.body);
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return view;
  }

  @Authenticated({ permission: 'portal' })
  @RouteConfig(QUIET)
  @Get('incidents/:id')
  mineOne(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return this.incidents.findMine(user, id);
  }
}

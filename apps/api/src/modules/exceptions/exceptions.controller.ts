import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EXCEPTION_STATUSES, exceptionCreate, type ExceptionCreate } from '@airlock/contracts';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { ExceptionsService } from './exceptions.service';
import { toExceptionOutput } from './exceptions.serializers';

export const exceptionFilter = z.strictObject({
  id: idList.optional(),
  q: z.string().max(200).optional(),
  status: z.enum(EXCEPTION_STATUSES).optional(),
  providerId: z.uuid().optional(),
});

/**
 * Time-limited exceptions in react-admin's conventions: list (filter by status: active, expired,
 * revoked), show, grant, revoke. Admins and owners grant (the same people who change the policy);
 * every staff role reads.
 */
@Controller('api/exceptions')
export class ExceptionsController {
  constructor(private readonly exceptions: ExceptionsService) {}

  @Authenticated({ permission: 'exceptions.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['createdAt', 'expiresAt', 'subjectEmail', 'subjectGroup'], defaultSort: ['createdAt', 'desc'], filter: exceptionFilter });
    const now = new Date();
    const result = await this.exceptions.list(user.organizationId, { ...q.filter, asOf: now }, q.sort, q.page);
    return listResponse(reply, 'exceptions', q.page, result, (row) => toExceptionOutput(row, now));
  }

  @Authenticated({ permission: 'exceptions.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    const row = await this.exceptions.find(user.organizationId, id);
    if (!row) throw AppError.notFound('Exception');
    return toExceptionOutput(row);
  }

  @Authenticated({ permission: 'exceptions.write' })
  @Post()
  async create(@CurrentUser() user: UserAuth, @Body(body(exceptionCreate)) input: ExceptionCreate) {
    return toExceptionOutput(await this.exceptions.create(user.organizationId, actorOf(user), input));
  }

  /** Ends an exception now (the row stays, for the record). */
  @Authenticated({ permission: 'exceptions.write' })
  @Post(':id/revoke')
  @HttpCode(200)
  async revoke(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toExceptionOutput(await this.exceptions.revoke(user.organizationId, actorOf(user), id));
  }
}

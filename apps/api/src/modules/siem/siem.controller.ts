import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SIEM_TRANSPORTS, siemDestinationCreate, type SiemDestinationCreate, siemDestinationUpdate, type SiemDestinationUpdate } from '@airlock/contracts';
import { z } from 'zod';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { SiemService } from './siem.service';
import { toSiemOutput } from './siem.serializers';

const siemFilter = z.strictObject({
  id: idList.optional(),
  q: z.string().max(200).optional(),
  enabled: z.boolean().optional(),
  transport: z.enum(SIEM_TRANSPORTS).optional(),
});

/** SIEM destinations (react-admin conventions; the token and client key write-only), their test and status. */
@Controller('api/siem/destinations')
export class SiemController {
  constructor(private readonly siem: SiemService) {}

  @Authenticated({ permission: 'siem.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['name', 'transport', 'format', 'createdAt', 'enabled'], defaultSort: ['name', 'asc'], filter: siemFilter });
    const [rows, total] = await this.siem.list(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'siem-destinations', q.page, [[...rows], total], (r) => toSiemOutput(r.row, r.status));
  }

  @Authenticated({ permission: 'siem.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    const { row, status } = await this.siem.find(user.organizationId, id);
    return toSiemOutput(row, status);
  }

  @Authenticated({ permission: 'siem.write' })
  @Post()
  async create(@CurrentUser() user: UserAuth, @Body(body(siemDestinationCreate)) input: SiemDestinationCreate) {
    const { row, status } = await this.siem.create(user.organizationId, actorOf(user), input);
    return toSiemOutput(row, status);
  }

  @Authenticated({ permission: 'siem.write' })
  @Put(':id')
  async update(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(siemDestinationUpdate)) input: SiemDestinationUpdate) {
    const { row, status } = await this.siem.update(user.organizationId, actorOf(user), id, input);
    return toSiemOutput(row, status);
  }

  @Authenticated({ permission: 'siem.write' })
  @Delete(':id')
  async remove(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    const { row, status } = await this.siem.remove(user.organizationId, actorOf(user), id);
    return toSiemOutput(row, status);
  }

  /** Sends one test event to the destination now and says whether it arrived. */
  @Authenticated({ permission: 'siem.write' })
  @Post(':id/test')
  @HttpCode(200)
  async test(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return this.siem.test(user.organizationId, actorOf(user), id);
  }
}

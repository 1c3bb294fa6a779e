import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DETECTOR_KINDS, detectorInput, detectorTestInput, detectorUpdate } from '@airlock/contracts';
import { z } from 'zod';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { DetectorsService } from './detectors.service';
import { toDetectorOutput } from './detectors.serializers';

const filter = z.strictObject({ id: idList.optional(), q: z.string().max(200).optional(), kind: z.enum(DETECTOR_KINDS).optional(), enabled: z.boolean().optional() });

@Controller('api/detectors')
export class DetectorsController {
  constructor(private readonly detectors: DetectorsService) {}

  @Authenticated({ permission: 'detectors.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['name', 'kind', 'dataClass', 'updatedAt'], defaultSort: ['name', 'asc'], filter });
    const result = await this.detectors.list(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'detectors', q.page, result, toDetectorOutput);
  }

  /** The built-in detectors (id, data class, description), for the console. */
  @Authenticated({ permission: 'detectors.read' })
  @Get('builtin')
  builtin() {
    return this.detectors.builtin();
  }

  /**
   * Try a detector against sample text: findings (spans), never stored. Only for those who may
   * edit detectors: a test costs CPU (in a worker, with a deadline) and is part of editing.
   */
  @Authenticated({ permission: 'detectors.write' })
  @Post('test')
  @HttpCode(200)
  test(@CurrentUser() user: UserAuth, @Body(body(detectorTestInput)) input: z.infer<typeof detectorTestInput>) {
    return this.detectors.test(user.organizationId, input.sample, input.detector);
  }

  @Authenticated({ permission: 'detectors.write' })
  @Post(':id/test')
  @HttpCode(200)
  testSaved(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(z.strictObject({ sample: z.string().max(100_000) }))) input: { sample: string }) {
    return this.detectors.test(user.organizationId, input.sample, undefined, id);
  }

  @Authenticated({ permission: 'detectors.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toDetectorOutput(await this.detectors.crud.get(user.organizationId, id));
  }

  @Authenticated({ permission: 'detectors.write' })
  @Post()
  async create(@CurrentUser() user: UserAuth, @Body(body(detectorInput)) input: z.infer<typeof detectorInput>) {
    return toDetectorOutput(await this.detectors.create(user.organizationId, actorOf(user), input));
  }

  @Authenticated({ permission: 'detectors.write' })
  @Put(':id')
  async update(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(detectorUpdate)) input: z.infer<typeof detectorUpdate>) {
    return toDetectorOutput(await this.detectors.update(user.organizationId, actorOf(user), id, input));
  }

  @Authenticated({ permission: 'detectors.write' })
  @Delete(':id')
  async remove(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toDetectorOutput(await this.detectors.crud.remove(user.organizationId, actorOf(user), id));
  }
}

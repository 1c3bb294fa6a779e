import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { dataClassInput, dataClassUpdate, groupInput, groupUpdate, zoneInput, zoneUpdate } from '@airlock/contracts';
import { z } from 'zod';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { DirectoryService } from './directory.service';
import { toZoneOutput, toGroupOutput, toDataClassOutput } from './directory.serializers';

const nameFilter = z.strictObject({ id: idList.optional(), q: z.string().max(200).optional() });

@Controller('api/zones')
export class ZonesController {
  constructor(private readonly dir: DirectoryService) {}

  @Authenticated({ permission: 'zones.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['name', 'updatedAt'], defaultSort: ['name', 'asc'], filter: nameFilter });
    const result = await this.dir.listZones(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'zones', q.page, result, toZoneOutput);
  }

  @Authenticated({ permission: 'zones.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toZoneOutput(await this.dir.zones.get(user.organizationId, id));
  }

  @Authenticated({ permission: 'zones.write' })
  @Post()
  async create(@CurrentUser() user: UserAuth, @Body(body(zoneInput)) input: z.infer<typeof zoneInput>) {
    return toZoneOutput(await this.dir.zones.create(user.organizationId, actorOf(user), input));
  }

  @Authenticated({ permission: 'zones.write' })
  @Put(':id')
  async update(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(zoneUpdate)) input: z.infer<typeof zoneUpdate>) {
    return toZoneOutput(await this.dir.zones.update(user.organizationId, actorOf(user), id, input));
  }

  @Authenticated({ permission: 'zones.write' })
  @Delete(':id')
  async remove(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toZoneOutput(await this.dir.zones.remove(user.organizationId, actorOf(user), id));
  }
}

@Controller('api/groups')
export class GroupsController {
  constructor(private readonly dir: DirectoryService) {}

  @Authenticated({ permission: 'groups.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['name', 'updatedAt'], defaultSort: ['name', 'asc'], filter: nameFilter });
    const result = await this.dir.listGroups(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'groups', q.page, result, toGroupOutput);
  }

  @Authenticated({ permission: 'groups.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toGroupOutput(await this.dir.groups.get(user.organizationId, id));
  }

  @Authenticated({ permission: 'groups.write' })
  @Post()
  async create(@CurrentUser() user: UserAuth, @Body(body(groupInput)) input: z.infer<typeof groupInput>) {
    return toGroupOutput(await this.dir.groups.create(user.organizationId, actorOf(user), input));
  }

  @Authenticated({ permission: 'groups.write' })
  @Put(':id')
  async update(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(groupUpdate)) input: z.infer<typeof groupUpdate>) {
    return toGroupOutput(await this.dir.groups.update(user.organizationId, actorOf(user), id, input));
  }

  @Authenticated({ permission: 'groups.write' })
  @Delete(':id')
  async remove(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toGroupOutput(await this.dir.removeGroup(user.organizationId, actorOf(user), id));
  }
}

@Controller('api/data-classes')
export class DataClassesController {
  constructor(private readonly dir: DirectoryService) {}

  @Authenticated({ permission: 'dataClasses.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['key', 'name', 'builtin'], defaultSort: ['key', 'asc'], filter: nameFilter });
    const result = await this.dir.listDataClasses(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'data-classes', q.page, result, toDataClassOutput);
  }

  @Authenticated({ permission: 'dataClasses.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toDataClassOutput(await this.dir.dataClasses.get(user.organizationId, id));
  }

  @Authenticated({ permission: 'dataClasses.write' })
  @Post()
  async create(@CurrentUser() user: UserAuth, @Body(body(dataClassInput)) input: z.infer<typeof dataClassInput>) {
    return toDataClassOutput(await this.dir.dataClasses.create(user.organizationId, actorOf(user), input));
  }

  @Authenticated({ permission: 'dataClasses.write' })
  @Put(':id')
  async update(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(dataClassUpdate)) input: z.infer<typeof dataClassUpdate>) {
    return toDataClassOutput(await this.dir.dataClasses.update(user.organizationId, actorOf(user), id, input));
  }

  @Authenticated({ permission: 'dataClasses.write' })
  @Delete(':id')
  async remove(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toDataClassOutput(await this.dir.removeDataClass(user.organizationId, actorOf(user), id));
  }
}

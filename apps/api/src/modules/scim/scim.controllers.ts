import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { SCIM_GROUP_ATTRIBUTES, SCIM_SCHEMA, SCIM_USER_ATTRIBUTES, scimGetQuery, scimGroupInput, scimListQuery, scimPatch, scimUserInput } from '@airlock/contracts';
import type { z } from 'zod';
import { ScimError } from '../../common/scim-error-response';
import { ZodPipe, body } from '../../common/zod-pipe';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ApiKeyScope, CurrentClient } from '../auth/access.decorators';
import { actorOf, type ApiClientAuth } from '../auth/auth-context';
import { scimResourceTypes, scimSchemas, scimServiceProviderConfig } from './scim-discovery';
import { ScimService } from './scim.service';

/**
 * Attribute names are case-insensitive (RFC 7643 2.1): top-level keys are brought to the schema's
 * spelling before the strict schema checks them (an attribute no advertised schema defines is a 400).
 */
class ScimBodyPipe<S extends z.ZodType> extends ZodPipe<S> {
  constructor(
    schema: S,
    private readonly names: readonly string[],
  ) {
    super(schema);
  }
  override transform(value: unknown): z.output<S> {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const canonical = new Map(this.names.map((n) => [n.toLowerCase(), n]));
      value = Object.fromEntries(Object.entries(value).map(([k, v]) => [canonical.get(k.toLowerCase()) ?? k, v]));
    }
    return super.transform(value);
  }
}

/** Groups leave as JSON text written as their members are read (ScimService: a group can have 100,000). */
function scimJson(text: AsyncIterable<string>): StreamableFile {
  return new StreamableFile(Readable.from(text), { type: 'application/scim+json; charset=utf-8' });
}

const listQuery = new ZodPipe(scimListQuery);
const getQuery = new ZodPipe(scimGetQuery);
type ListQuery = z.output<typeof scimListQuery>;
type GetQuery = z.output<typeof scimGetQuery>;

/** SCIM 2.0 Users of the calling client's organization (RFC 7644). Errors leave in SCIM's format. */
@ApiKeyScope('scim')
@Controller('scim/v2/Users')
export class ScimUsersController {
  constructor(private readonly scim: ScimService) {}

  @Get()
  list(@CurrentClient() client: ApiClientAuth, @Query(listQuery) q: ListQuery) {
    return this.scim.listUsers(client.organizationId, q);
  }

  @Get(':id')
  get(@CurrentClient() client: ApiClientAuth, @Param('id') id: string, @Query(getQuery) q: GetQuery) {
    return this.scim.getUser(client.organizationId, id, q);
  }

  @Post()
  create(@CurrentClient() client: ApiClientAuth, @Body(new ScimBodyPipe(scimUserInput, SCIM_USER_ATTRIBUTES)) input: z.output<typeof scimUserInput>) {
    return this.scim.createUser(client.organizationId, actorOf(client), input);
  }

  @Put(':id')
  replace(@CurrentClient() client: ApiClientAuth, @Param('id') id: string, @Body(new ScimBodyPipe(scimUserInput, SCIM_USER_ATTRIBUTES)) input: z.output<typeof scimUserInput>) {
    return this.scim.replaceUser(client.organizationId, actorOf(client), id, input);
  }

  @Patch(':id')
  patch(@CurrentClient() client: ApiClientAuth, @Param('id') id: string, @Body(body(scimPatch)) input: z.output<typeof scimPatch>) {
    return this.scim.patchUser(client.organizationId, actorOf(client), id, input);
  }

  /** The user is disabled, their sessions end, and SCIM answers 404 for them from then on. */
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentClient() client: ApiClientAuth, @Param('id') id: string) {
    await this.scim.deleteUser(client.organizationId, actorOf(client), id);
  }
}

@ApiKeyScope('scim')
@Controller('scim/v2/Groups')
export class ScimGroupsController {
  constructor(private readonly scim: ScimService) {}

  @Get()
  async list(@CurrentClient() client: ApiClientAuth, @Query(listQuery) q: ListQuery) {
    return scimJson(await this.scim.listGroups(client.organizationId, q));
  }

  @Get(':id')
  async get(@CurrentClient() client: ApiClientAuth, @Param('id') id: string, @Query(getQuery) q: GetQuery) {
    return scimJson(await this.scim.getGroup(client.organizationId, id, q));
  }

  @Post()
  create(@CurrentClient() client: ApiClientAuth, @Body(new ScimBodyPipe(scimGroupInput, SCIM_GROUP_ATTRIBUTES)) input: z.output<typeof scimGroupInput>) {
    return this.scim.createGroup(client.organizationId, actorOf(client), input);
  }

  @Put(':id')
  async replace(@CurrentClient() client: ApiClientAuth, @Param('id') id: string, @Body(new ScimBodyPipe(scimGroupInput, SCIM_GROUP_ATTRIBUTES)) input: z.output<typeof scimGroupInput>) {
    await this.scim.replaceGroup(client.organizationId, actorOf(client), id, input);
    return scimJson(await this.scim.getGroup(client.organizationId, id, {}));
  }

  /** 204: a group's member list can be long, and neither Okta nor Entra ID reads it back. */
  @Patch(':id')
  @HttpCode(204)
  async patch(@CurrentClient() client: ApiClientAuth, @Param('id') id: string, @Body(body(scimPatch)) input: z.output<typeof scimPatch>) {
    await this.scim.patchGroup(client.organizationId, actorOf(client), id, input);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentClient() client: ApiClientAuth, @Param('id') id: string) {
    await this.scim.deleteGroup(client.organizationId, actorOf(client), id);
  }
}

/** Discovery (RFC 7644 section 4). Behind the same key: nothing here is secret, nothing is public either. */
@ApiKeyScope('scim')
@Controller('scim/v2')
export class ScimDiscoveryController {
  private readonly base: string;
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.base = `${config.publicUrl}/scim/v2`;
  }

  @Get('ServiceProviderConfig')
  serviceProviderConfig() {
    return scimServiceProviderConfig(this.base);
  }

  @Get('ResourceTypes')
  resourceTypes() {
    const all = scimResourceTypes(this.base);
    return { schemas: [SCIM_SCHEMA.listResponse], totalResults: all.length, startIndex: 1, itemsPerPage: all.length, Resources: all };
  }

  @Get('ResourceTypes/:id')
  resourceType(@Param('id') id: string) {
    const found = scimResourceTypes(this.base).find((r) => r.id === id);
    if (!found) throw new ScimError('not_found', undefined, 'No such resource type');
    return found;
  }

  @Get('Schemas')
  schemas() {
    const all = scimSchemas(this.base);
    return { schemas: [SCIM_SCHEMA.listResponse], totalResults: all.length, startIndex: 1, itemsPerPage: all.length, Resources: all };
  }

  @Get('Schemas/:id')
  schema(@Param('id') id: string) {
    const found = scimSchemas(this.base).find((s) => s.id === id);
    if (!found) throw new ScimError('not_found', undefined, 'No such schema');
    return found;
  }
}

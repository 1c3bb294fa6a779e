import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { discoveryFilter, discoveryImportQuery, discoveryImportsQuery, discoverySettings } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { parseOr400 } from '../../common/zod-pipe';
import { Auth, Authenticated, SessionOrApiKey } from '../auth/access.decorators';
import type { AuthContext } from '../auth/auth-context';
import { DISCOVERY_UPLOAD_TYPES, markUploading } from './discovery-uploads';
import { DiscoveryService } from './discovery.service';

function isStream(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && typeof (body as Readable).pipe === 'function' && Symbol.asyncIterator in body;
}

/** Shadow-AI discovery: log imports (streamed), their progress, the figures and their export. */
@Controller('api/discovery')
export class DiscoveryController {
  constructor(private readonly discovery: DiscoveryService) {}

  /**
   * The body is the log file (Content-Type application/octet-stream, or gzip, csv, ndjson): read as
   * it arrives, line by line, never held whole. Answers when the whole file has been read.
   */
  @SessionOrApiKey({ permission: 'discovery.write', scope: 'discovery' })
  @Post('imports')
  @HttpCode(201)
  async upload(@Auth() auth: AuthContext, @Query() query: Record<string, unknown>, @Req() request: FastifyRequest) {
    const q = parseOr400(discoveryImportQuery, query, 'The import parameters are invalid');
    const body = request.body;
    if (!isStream(body)) {
      throw new AppError('unsupported_media_type', `Send the log file itself as the request body, with Content-Type ${DISCOVERY_UPLOAD_TYPES[0]} (gzip is recognised)`);
    }
    const length = Number(request.headers['content-length']);
    const declared = Number.isSafeInteger(length) && length >= 0 ? length : (q.size ?? null);
    const unmark = markUploading(request.raw.socket);
    try {
      return await this.discovery.importLog(auth, q, body, declared);
    } finally {
      unmark();
    }
  }

  /** Newest first; `uploadId` finds the import of an upload still running (its progress). */
  @Authenticated({ permission: 'discovery.read' })
  @Get('imports')
  list(@Auth() auth: AuthContext, @Query() query: Record<string, unknown>) {
    const { uploadId, limit } = parseOr400(discoveryImportsQuery, query);
    return this.discovery.listImports(auth.organizationId, { uploadId }, limit);
  }

  @Authenticated({ permission: 'discovery.read' })
  @Get('imports/:id')
  get(@Auth() auth: AuthContext, @Param('id') id: string) {
    return this.discovery.getImport(auth.organizationId, id);
  }

  /** Removes an import and its figures. */
  @Authenticated({ permission: 'discovery.write' })
  @Delete('imports/:id')
  @HttpCode(204)
  async remove(@Auth() auth: AuthContext, @Param('id') id: string) {
    await this.discovery.deleteImport(auth, id);
  }

  @Authenticated({ permission: 'discovery.read' })
  @Get('summary')
  summary(@Auth() auth: AuthContext, @Query() query: Record<string, unknown>) {
    return this.discovery.summary(auth.organizationId, parseOr400(discoveryFilter, query, 'The discovery filters are invalid'));
  }

  /** Per day and service as CSV; audited. */
  @Authenticated({ permission: 'discovery.read' })
  @Get('export.csv')
  async exportCsv(@Auth() auth: AuthContext, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const csv = await this.discovery.exportCsv(auth, parseOr400(discoveryFilter, query, 'The discovery filters are invalid'));
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="discovery-${new Date().toISOString().slice(0, 10)}.csv"`)
      .header('cache-control', 'no-store');
    return csv;
  }

  @Authenticated({ permission: 'discovery.read' })
  @Get('settings')
  settings(@Auth() auth: AuthContext) {
    return this.discovery.settings(auth.organizationId);
  }

  /** Names instead of keyed hashes for people in later imports (owners and admins). */
  @Authenticated({ permission: 'discovery.settings' })
  @Put('settings')
  updateSettings(@Auth() auth: AuthContext, @Body() body: unknown) {
    const { showNames } = parseOr400(discoverySettings, body, 'The discovery settings are invalid');
    return this.discovery.updateSettings(auth, showNames);
  }

  /** The shipped list of known AI services outside the catalog, with sources. */
  @Authenticated({ permission: 'discovery.read' })
  @Get('known-services')
  known() {
    return this.discovery.knownServices();
  }
}

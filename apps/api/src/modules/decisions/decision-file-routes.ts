import fastifyMultipart from '@fastify/multipart';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decisionRequest, MAX_CONTENT_BYTES } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { parseOr400 } from '../../common/zod-pipe';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AccessRule } from '../auth/access.decorators';
import { ApiKeyGate } from '../auth/api-key-gate';
import { DecisionService } from './decision.service';
import { FileTextRunner, utf8Prefix } from './file-text-runner';

const JSON_TYPE = 'application/json; charset=utf-8';
const USAGE = 'Send multipart/form-data with a "request" field (the decision request as JSON, without content.text) and one "file" part';

/** For the OpenAPI document, the route x role matrix and the fuzz tests (like NATIVE_ROUTES). */
export const FILE_NATIVE_ROUTES: readonly { method: 'POST'; path: string; rule: AccessRule; takesBody: boolean }[] = [
  { method: 'POST', path: '/v1/decisions/file', rule: { kind: 'api_key', scope: 'decide' }, takesBody: true },
];

/**
 * POST /v1/decisions/file: an `upload` decision on a file's content, for clients that have the file
 * but cannot read it (a script, a proxy, a mail gateway). The text is read in a worker
 * (FileTextRunner: PDF, DOCX, XLSX, PPTX, text), then decided like content.text of /v1/decisions; the
 * file and its text are never stored or logged. A text longer than /v1/decisions takes (1 MiB) is
 * decided on its first 1 MiB and the answer says so (`file.truncated`), so the client can apply its
 * own rule for files it could not have inspected in full.
 */
@Injectable()
export class DecisionFileRoutes {
  private readonly runner = new FileTextRunner();

  constructor(
    private readonly gate: ApiKeyGate,
    private readonly decisions: DecisionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(fastify: FastifyInstance): void {
    const maxFile = this.config.fileMaxBytes;
    void fastify.register(async (scope) => {
      // Multipart only: any other body is left unread (Node discards it) and answered 415 with the
      // usage, never parsed (a 25 MiB JSON body would hold the event loop).
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
      await scope.register(fastifyMultipart, { limits: { fileSize: maxFile, files: 1, fields: 2, fieldSize: 64 * 1024, parts: 3, headerPairs: 50 } });
      scope.post('/v1/decisions/file', { bodyLimit: maxFile + 256 * 1024 }, (request, reply) => this.handle(request, reply));
    });
  }

  private async handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const client = this.gate.check(request, 'decide');
    if (!request.isMultipart()) throw new AppError('unsupported_media_type', USAGE);
    const { fields, file } = await this.readParts(request);
    if (fields.request === undefined) throw AppError.validation([{ path: 'request', message: 'is required (the decision request as JSON)' }]);
    if (!file) throw AppError.validation([{ path: 'file', message: 'is required (one file part)' }]);
    let raw: unknown;
    try {
      raw = JSON.parse(fields.request);
    } catch {
      throw new AppError('invalid_json', 'The "request" field is not valid JSON');
    }
    const parsed = parseOr400(decisionRequest, raw && typeof raw === 'object' && !Array.isArray(raw) && !('action' in raw) ? { ...raw, action: 'upload' } : raw);
    if (parsed.action !== 'upload') throw AppError.validation([{ path: 'request.action', message: 'must be upload (or left out)' }]);
    if (parsed.content?.text !== undefined) throw AppError.validation([{ path: 'request.content.text', message: "must be left out: the file's text is read from the file" }]);

    const fileName = (parsed.content?.fileName ?? file.filename ?? 'file').slice(0, 512);
    const mimeType = parsed.content?.mimeType ?? (file.mimetype && file.mimetype !== 'application/octet-stream' ? file.mimetype.slice(0, 255) : undefined);
    const read = await this.runner.extract(file.data, { name: fileName, ...(mimeType ? { type: mimeType } : {}) });
    const full = read.text ?? '';
    const text = utf8Prefix(full, MAX_CONTENT_BYTES);
    const truncated = read.truncated === true || text.length < full.length;
    const content = { ...parsed.content, fileName, ...(mimeType ? { mimeType } : {}), ...(read.text !== undefined ? { text } : {}) };
    const connectionIp = parsed.context?.ip === undefined ? request.ip : undefined;
    const decision = await this.decisions.decideOneAsync(client, { ...parsed, content }, undefined, connectionIp);
    const about = {
      format: read.format,
      bytes: file.data.length,
      characters: read.text === undefined ? 0 : text.length,
      truncated,
      ...(read.error ? { error: read.error } : {}),
    };
    void reply.type(JSON_TYPE).send(JSON.stringify({ ...decision, file: about }));
  }

  /** The two parts, with the multipart plugin's limits turned into the API's own errors. */
  private async readParts(request: FastifyRequest): Promise<{ fields: { request?: string }; file?: { data: Buffer; filename: string; mimetype: string } }> {
    const fields: { request?: string } = {};
    let file: { data: Buffer; filename: string; mimetype: string } | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (part.fieldname !== 'request' || typeof part.value !== 'string') throw AppError.validation([{ path: part.fieldname, message: `is not a field of this route. ${USAGE}` }]);
          // Sent twice, which one is meant is not clear (and a proxy may read the other).
          if (fields.request !== undefined) throw AppError.validation([{ path: 'request', message: `is sent twice. ${USAGE}` }]);
          fields.request = part.value;
        } else {
          if (part.fieldname !== 'file') throw AppError.validation([{ path: part.fieldname, message: `is not a part of this route. ${USAGE}` }]);
          file = { data: await part.toBuffer(), filename: part.filename, mimetype: part.mimetype };
        }
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      const code = (err as { code?: string }).code ?? '';
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', `The file is larger than ${Math.round(this.config.fileMaxBytes / 1048576)} MiB (${this.config.fileMaxBytes} bytes)`);
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('bad_request', `Too many parts. ${USAGE}`);
      if (code === 'FST_PROTO_VIOLATION' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || /multipart|boundary/i.test((err as Error).message)) {
        throw new AppError('bad_request', `The multipart body is malformed. ${USAGE}`);
      }
      throw err;
    }
    return { fields, file };
  }
}

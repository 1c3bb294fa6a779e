import { Controller, Get, Headers, Req, Res } from '@nestjs/common';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyScope, CurrentClient } from '../auth/access.decorators';
import { bearerOf } from '../auth/api-key-gate';
import type { ApiClientAuth } from '../auth/auth-context';
import { BundleEvents } from './bundle-events';
import { DecisionService } from './decision.service';

/**
 * Whether a client's Accept-Encoding takes gzip. An explicit `gzip;q=0` refuses it even beside `*`
 * (RFC 9110 12.5.3), which the negotiator alone would let `*` override.
 */
export function takesGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  if (/(?:^|,)\s*gzip\s*;\s*q\s*=\s*0(?:\.0{0,3})?\s*(?:,|$)/i.test(acceptEncoding)) return false;
  return negotiate(acceptEncoding, ['gzip', 'identity']) === 'gzip';
}

/** The bundle is for local evaluators: the SDK (`bundle`) and the browser extension (`extension`). */
export const BUNDLE_SCOPES = ['bundle', 'extension'] as const;

/**
 * The decision API's bundle for local evaluation. The decision routes themselves are native Fastify
 * routes (decision-routes.ts).
 */
@Controller('v1')
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionService,
    private readonly events: BundleEvents,
  ) {}

  @ApiKeyScope(BUNDLE_SCOPES)
  @Get('bundle')
  async bundle(
    @CurrentClient() client: ApiClientAuth,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    const { etag, body } = this.decisions.bundle(client);
    // The same ETag for both encodings: clients compare it with the one /v1/bundle/events announces.
    const vary = reply.getHeader('vary');
    void reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
      void reply.status(304);
      return undefined;
    }
    // The PolicyBundle, already serialised (megabytes with a large directory: once per ETag), and
    // gzipped for clients that take it (browsers and the SDK's fetch do).
    const bundle = body();
    const gzip = takesGzip(acceptEncoding);
    const bytes = await (gzip ? bundle.gzipped() : bundle.json);
    void reply.header('content-type', 'application/json; charset=utf-8');
    if (gzip) void reply.header('content-encoding', 'gzip');
    return bytes;
  }

  /**
   * Server-sent events: `event: policy` with the version and ETag now and whenever the policy
   * changes, a comment every 15 s; see bundle-events.ts.
   */
  @ApiKeyScope(BUNDLE_SCOPES)
  @Get('bundle/events')
  bundleEvents(@CurrentClient() client: ApiClientAuth, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.events.admit(client);
    void reply.hijack();
    this.events.open(client, bearerOf(request) ?? '', reply.raw, reply.getHeaders());
  }
}

import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response';
import { isScimPath, toScimErrorResponse } from './scim-error-response';

/** The one exception filter: every error leaves in the same envelope (see error-response.ts). */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    sendError(reply, request, exception, this.logger);
  }
}

const SSO_NAVIGATION = /^\/api\/auth\/sso\/(start|callback|initiate|test|saml\/[^/?]*\/slo)(\?|$)/;
/** SAML's HTTP-POST binding: the identity provider's page posts here; a failure is a page too. */
const SAML_POST_NAVIGATION = /^\/api\/auth\/sso\/saml\/[^/?]*\/(acs|slo)(\?|$)/;

export function sendError(reply: FastifyReply, request: FastifyRequest, exception: unknown, logger?: Logger): void {
  const envelope = toErrorResponse(exception);
  // SCIM clients (identity providers) read the error format RFC 7644 fixes, not the envelope.
  const res = isScimPath(request.url) ? toScimErrorResponse(envelope, exception) : envelope;
  if (res.unexpected) {
    const err = exception instanceof Error ? exception : new Error(String(exception));
    // Method and route only: never the body, which may hold prompt text.
    (logger ?? new Logger('Errors')).error(
      `${request.method} ${request.routeOptions?.url ?? '(no route)'} failed [req ${request.id}]: ${err.message}`,
      err.stack,
    );
  }
  if (reply.sent) return;
  // The SSO routes are browser navigations (the provider's redirects, an app tile): whatever went
  // wrong — a rate limit, a malformed query — lands on the sign-in page with a reason, not on JSON.
  if ((request.method === 'GET' && SSO_NAVIGATION.test(request.url)) || (request.method === 'POST' && SAML_POST_NAVIGATION.test(request.url))) {
    const code = (res.body as { error?: { code?: string } }).error?.code ?? 'internal_error';
    void reply
      .status(request.method === 'POST' ? 303 : 302)
      .headers({ ...res.headers, 'cache-control': 'no-store', 'x-request-id': request.id, location: `/#/login?sso_error=${encodeURIComponent(code)}` })
      .send();
    return;
  }
  // x-request-id too: errors Fastify raises before routing (a malformed URL) skip the onRequest hook
  // that sets it on every other answer.
  void reply.status(res.status).headers({ ...res.headers, 'cache-control': 'no-store', 'x-request-id': request.id }).send(res.body);
}

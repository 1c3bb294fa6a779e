import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ExtensionIdentity } from '@airlock/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ApiKeyScope, CurrentClient } from './access.decorators';
import type { ApiClientAuth } from './auth-context';
import { readSessionCookie } from './cookies';
import { SessionService } from './session.service';

/**
 * The browser extension's "who is signed in to Airlock here" (identitySource 'airlock'). Two proofs
 * at once: the extension's API key (the organization, and that the caller is the deployed extension)
 * and the person's session cookie, which the browser attaches to the extension's request (it holds
 * host permissions for the server, so the SameSite=Lax cookie goes with it). The answer is the
 * session's e-mail, verified at sign-in (password or SSO); a page can neither send the key nor read
 * the answer. The session is not touched: asking who is signed in is not activity.
 */
@Controller('v1/extension')
export class ExtensionIdentityController {
  constructor(
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiKeyScope('extension')
  @Get('identity')
  async identity(@CurrentClient() client: ApiClientAuth, @Req() request: FastifyRequest): Promise<ExtensionIdentity> {
    const token = readSessionCookie(request, this.config.cookieSecure);
    if (!token) return { signedIn: false, reason: 'no_session' };
    const user = await this.sessions.resolve(token, { touch: false });
    if (!user) return { signedIn: false, reason: 'session_ended' };
    // A session of another organization says nothing about this organization's people.
    if (user.organizationId !== client.organizationId) return { signedIn: false, reason: 'other_organization' };
    return { signedIn: true, email: user.email.toLowerCase(), name: user.name, method: user.method };
  }
}

import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { SessionEndedOutput } from '@airlock/contracts';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser } from './access.decorators';
import { actorOf, type UserAuth } from './auth-context';
import { clearSessionCookie } from './cookies';
import { SessionService } from './session.service';

/** The signed-in user's own sessions: list them, end one (the current one too), end all the others. */
@Controller('api/auth/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionService) {}

  @Authenticated({ permission: 'portal' })
  @Get()
  list(@CurrentUser() user: UserAuth, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.sessions.listForUser(user.organizationId, user.userId, user.sessionId);
  }

  /** Every session of the caller but this one. */
  @Authenticated({ permission: 'portal' })
  @Post('end-others')
  @HttpCode(200)
  endOthers(@CurrentUser() user: UserAuth) {
    return this.sessions.endAll(user.organizationId, actorOf(user), user.userId, user.sessionId);
  }

  /** Ending the current session signs this browser out, as logout does. */
  @Authenticated({ permission: 'portal' })
  @Delete(':id')
  async end(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { wasCurrent } = await this.sessions.endOne(user.organizationId, actorOf(user), user.userId, id, user.sessionId);
    if (wasCurrent) clearSessionCookie(reply);
    return { ok: true, signedOut: wasCurrent } satisfies SessionEndedOutput;
  }
}

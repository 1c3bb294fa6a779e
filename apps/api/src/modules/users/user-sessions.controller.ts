import { Controller, Delete, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import type { UserAuth } from '../auth/auth-context';
import { clearSessionCookie } from '../auth/cookies';
import { UsersService } from './users.service';

/**
 * Owners see and end the sessions of any user of their organization (users.write: the list shows
 * addresses and devices). A user of another organization is "not found".
 */
@Controller('api/users/:id/sessions')
export class UserSessionsController {
  constructor(private readonly users: UsersService) {}

  @Authenticated({ permission: 'users.write' })
  @Get()
  list(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.users.listSessions(user, id);
  }

  /** Every session of the user (the owner's own current one included, when it is theirs). */
  @Authenticated({ permission: 'users.write' })
  @Delete()
  async endAll(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.users.endAllSessions(user, id);
    if (id === user.userId) clearSessionCookie(reply);
    return result;
  }

  @Authenticated({ permission: 'users.write' })
  @Delete(':sessionId')
  async end(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Param('sessionId', ParseUUIDPipe) sessionId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { wasCurrent } = await this.users.endSession(user, id, sessionId);
    if (wasCurrent) clearSessionCookie(reply);
    return { ok: true, signedOut: wasCurrent };
  }
}

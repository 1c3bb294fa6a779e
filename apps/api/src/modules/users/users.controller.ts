import { requireStepUp } from '../auth/mfa/step-up';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type BulkResultOutput, ROLES, slug, userBulkInput, type UserBulkInput, userCreate, userUpdate } from '@airlock/contracts';
import { z } from 'zod';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { userOut } from './users.serializers';
import { UsersService } from './users.service';

const filter = z.strictObject({
  id: idList.optional(),
  q: z.string().max(200).refine((q) => !q.includes('\u0000'), 'must not contain NUL').optional(),
  role: z.enum(ROLES).or(z.array(z.enum(ROLES)).max(5)).optional(),
  disabled: z.boolean().optional(),
  group: slug.optional(),
});

/** Users of the caller's organization, in react-admin's simple-rest conventions. No DELETE: disable instead. */
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Authenticated({ permission: 'users.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['email', 'name', 'role', 'createdAt', 'lastLoginAt', 'disabled'], defaultSort: ['email', 'asc'], filter });
    const result = await this.users.list(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'users', q.page, result, userOut);
  }

  @Authenticated({ permission: 'users.read' })
  @Get(':id')
  get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(user.organizationId, id);
  }

  /** With `password` the account is ready; without, an invitation mail goes out (valid 7 days). */
  @Authenticated({ permission: 'users.write' })
  @Post()
  create(@CurrentUser() user: UserAuth, @Body(body(userCreate)) input: z.infer<typeof userCreate>) {
    // Creating (or inviting) an owner needs a fresh second factor (403 step_up_required).
    if (input.role === 'owner') requireStepUp(user);
    return this.users.create(user.organizationId, actorOf(user), input);
  }

  /** Disable, enable or change the role of several users at once (the list's bulk actions): one transaction. */
  @Authenticated({ permission: 'users.write' })
  @Post('bulk')
  @HttpCode(200)
  bulk(@CurrentUser() user: UserAuth, @Body(body(userBulkInput)) input: UserBulkInput): Promise<BulkResultOutput> {
    return this.users.bulkUpdate(user.organizationId, user, input);
  }

  /** Name, role, groups, disabled. Disabling or changing the role signs the user out everywhere at once. */
  @Authenticated({ permission: 'users.write' })
  @Put(':id')
  update(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(userUpdate)) input: z.infer<typeof userUpdate>) {
    return this.users.update(user.organizationId, user, id, input);
  }

  @Authenticated({ permission: 'users.write' })
  @Post(':id/invitation')
  @HttpCode(200)
  resendInvitation(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.resendInvitation(user.organizationId, actorOf(user), id);
  }
}

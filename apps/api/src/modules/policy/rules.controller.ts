import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { effect, ruleInput, type RuleInput, ruleUpdate } from '@airlock/contracts';
import { z } from 'zod';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { PolicyService } from './policy.service';
import { toRuleOutput } from './policy.serializers';

const ruleFilter = z.strictObject({ id: idList.optional(), q: z.string().max(200).optional(), effect: effect.optional(), enabled: z.boolean().optional() });

/** The editable draft of the policy, in react-admin's conventions. Publishing is /api/policy/publish. */
@Controller('api/rules')
export class RulesController {
  constructor(private readonly policy: PolicyService) {}

  @Authenticated({ permission: 'policy.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['priority', 'ruleId', 'effect', 'updatedAt'], defaultSort: ['priority', 'asc'], filter: ruleFilter });
    const result = await this.policy.listRules(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'rules', q.page, result, toRuleOutput);
  }

  @Authenticated({ permission: 'policy.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toRuleOutput(await this.policy.getRule(user.organizationId, id));
  }

  @Authenticated({ permission: 'policy.write' })
  @Post()
  async create(@CurrentUser() user: UserAuth, @Body(body(ruleInput)) input: RuleInput) {
    return toRuleOutput(await this.policy.createRule(user.organizationId, actorOf(user), input));
  }

  @Authenticated({ permission: 'policy.write' })
  @Put(':id')
  async update(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(ruleUpdate)) input: Partial<RuleInput>) {
    return toRuleOutput(await this.policy.updateRule(user.organizationId, actorOf(user), id, input));
  }

  @Authenticated({ permission: 'policy.write' })
  @Delete(':id')
  async remove(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toRuleOutput(await this.policy.deleteRule(user.organizationId, actorOf(user), id));
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { impactInput, type PolicyStatusOutput, type PolicyVersionOutput, publishInput, rollbackInput, ruleImpactInput, simulateInput } from '@airlock/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body, parseOr400 } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { PolicyService } from './policy.service';
import { toVersionSummary } from './policy.serializers';

@Controller('api')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  /** The version in force, and whether the draft differs from it. */
  @Authenticated({ permission: 'portal' })
  @Get('policy/status')
  async status(@CurrentUser() user: UserAuth) {
    const { latest, servingVersion, draftChanged } = await this.policy.status(user.organizationId, user.role !== 'employee');
    return { version: latest ? toVersionSummary(latest) : null, servingVersion, draftChanged } satisfies PolicyStatusOutput;
  }

  @Authenticated({ permission: 'policy.publish' })
  @Post('policy/publish')
  @HttpCode(201)
  async publish(@CurrentUser() user: UserAuth, @Body(body(publishInput)) input: z.infer<typeof publishInput>) {
    return toVersionSummary(await this.policy.publish(user.organizationId, actorOf(user), input.note));
  }

  /** The draft against the version in force: what a publish would change. */
  @Authenticated({ permission: 'policy.read' })
  @Get('policy/draft-diff')
  draftDiff(@CurrentUser() user: UserAuth) {
    return this.policy.draftDiff(user.organizationId);
  }

  @Authenticated({ permission: 'policy.simulate' })
  @Post('policy/simulate')
  @HttpCode(200)
  simulate(@CurrentUser() user: UserAuth, @Body(body(simulateInput)) input: z.infer<typeof simulateInput>) {
    return this.policy.simulate(user.organizationId, input.request);
  }

  @Authenticated({ permission: 'policy.simulate' })
  @Post('policy/impact')
  @HttpCode(200)
  impact(@CurrentUser() user: UserAuth, @Body(body(impactInput)) input: z.infer<typeof impactInput>) {
    return this.policy.impact(user.organizationId, input);
  }

  /** The rule editor's count: what one rule, as edited and not yet saved, does to the recent decisions. */
  @Authenticated({ permission: 'policy.simulate' })
  @Post('policy/rule-impact')
  @HttpCode(200)
  ruleImpact(@CurrentUser() user: UserAuth, @Body(body(ruleImpactInput)) input: z.infer<typeof ruleImpactInput>) {
    return this.policy.ruleImpact(user.organizationId, input);
  }

  @Authenticated({ permission: 'policy.read' })
  @Get('policy-versions')
  async versions(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['number', 'createdAt'], defaultSort: ['number', 'desc'], filter: z.strictObject({}) });
    const result = await this.policy.listVersions(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'policy-versions', q.page, result, toVersionSummary);
  }

  @Authenticated({ permission: 'policy.read' })
  @Get('policy-versions/:id')
  async version(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    const v = await this.policy.getVersion(user.organizationId, id);
    return { ...toVersionSummary(v), rules: v.rules, catalog: v.catalog, zones: v.zones, detectors: v.detectors, settings: v.settings } satisfies PolicyVersionOutput;
  }

  /** ?against=<number>|draft (default: the previous version). */
  @Authenticated({ permission: 'policy.read' })
  @Get('policy-versions/:id/diff')
  async diff(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Query() query: Record<string, unknown>) {
    const { against } = parseOr400(z.strictObject({ against: z.union([z.literal('draft'), z.coerce.number().int().min(1)]).optional() }), query);
    return this.policy.versionDiff(user.organizationId, id, against);
  }

  @Authenticated({ permission: 'policy.publish' })
  @Post('policy-versions/:number/rollback')
  @HttpCode(201)
  async rollback(@CurrentUser() user: UserAuth, @Param('number', ParseIntPipe) number: number, @Body(body(rollbackInput)) input: z.infer<typeof rollbackInput>) {
    return toVersionSummary(await this.policy.rollback(user.organizationId, actorOf(user), number, input.note));
  }
}

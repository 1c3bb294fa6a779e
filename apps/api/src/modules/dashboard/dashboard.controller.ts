import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { dashboardPeriodQuery } from '@airlock/contracts';
import { z } from 'zod';
import { body, parseOr400 } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { DashboardService } from './dashboard.service';

const checklistDismissal = z.strictObject({ dismissed: z.boolean() });

@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The figures of a period: ?days=N (whole UTC days up to now) or ?from=&to= (400 when invalid). */
  @Authenticated({ permission: 'dashboard.read' })
  @Get()
  get(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>) {
    return this.dashboard.summary(user.organizationId, this.dashboard.period(parseOr400(dashboardPeriodQuery, query)));
  }

  /** How often people continue past a warning with a reason, per service and per group. */
  @Authenticated({ permission: 'dashboard.read' })
  @Get('overrides')
  overrides(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>) {
    return this.dashboard.overrideRates(user.organizationId, this.dashboard.period(parseOr400(dashboardPeriodQuery, query)));
  }

  /** A new organization's first steps (owners and admins set them up). */
  @Authenticated({ permission: 'policy.publish' })
  @Get('checklist')
  checklist(@CurrentUser() user: UserAuth) {
    return this.dashboard.checklist(user.organizationId);
  }

  /** Hide the first-run checklist for the organization (or show it again). */
  @Authenticated({ permission: 'policy.publish' })
  @Put('checklist')
  dismiss(@CurrentUser() user: UserAuth, @Body(body(checklistDismissal)) input: z.infer<typeof checklistDismissal>) {
    return this.dashboard.setChecklistDismissed(user.organizationId, actorOf(user), input.dismissed);
  }
}

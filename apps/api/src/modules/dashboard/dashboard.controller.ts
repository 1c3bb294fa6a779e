import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { parseOr400 } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import type { UserAuth } from '../auth/auth-context';
import { DashboardService } from './dashboard.service';

@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Authenticated({ permission: 'dashboard.read' })
  @Get()
  get(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>) {
    const { days } = parseOr400(z.strictObject({ days: z.coerce.number().int().min(1).max(365).default(30) }), query);
    return this.dashboard.summary(user.organizationId, days);
  }

  /** How often people continue past a warning with a reason, per service and per group. */
  @Authenticated({ permission: 'dashboard.read' })
  @Get('overrides')
  overrides(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>) {
    const { days } = parseOr400(z.strictObject({ days: z.coerce.number().int().min(1).max(365).default(30) }), query);
    return this.dashboard.overrideRates(user.organizationId, days);
  }
}

import { Body, Controller, Get, Put } from '@nestjs/common';
import { orgSettingsUpdate } from '@airlock/contracts';
import type { z } from 'zod';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import type { UserAuth } from '../auth/auth-context';
import { SettingsService } from './settings.service';

/** Organization settings. Policy-relevant ones (jurisdictions, markings...) take effect on publish. */
@Controller('api/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Authenticated({ permission: 'settings.read' })
  @Get()
  get(@CurrentUser() user: UserAuth) {
    return this.settings.get(user.organizationId);
  }

  @Authenticated({ permission: 'settings.write' })
  @Put()
  update(@CurrentUser() user: UserAuth, @Body(body(orgSettingsUpdate)) input: z.infer<typeof orgSettingsUpdate>) {
    return this.settings.update(user, input);
  }
}

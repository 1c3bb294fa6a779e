import { Module } from '@nestjs/common';
import { ScimDiscoveryController, ScimGroupsController, ScimUsersController } from './scim.controllers';
import { ScimRepository } from './scim.repository';
import { ScimService } from './scim.service';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';

/** SCIM 2.0 provisioning at /scim/v2 (API keys with the scim scope). */
@Module({
  imports: [AuditModule, AuthModule], controllers: [ScimUsersController, ScimGroupsController, ScimDiscoveryController], providers: [ScimRepository, ScimService] })
export class ScimModule {}

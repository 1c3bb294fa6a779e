import { Module } from '@nestjs/common';
import { GatewayRoutes } from './gateway-routes';
import { GatewayTrafficService } from './gateway-traffic.service';
import { GatewayUrlGuard } from './gateway-url-guard';
import { GatewayService } from './gateway.service';
import { GuardrailsService } from './guardrails.service';
import { GatewayUpstreamsController } from './upstreams.controller';
import { GatewayRepository } from './upstreams.repository';
import { GatewayUpstreamsService } from './upstreams.service';
import { ApiClientsModule } from '../api-clients/api-clients.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { SecretsModule } from '../secrets/secrets.module';
import { BackgroundJobsModule } from '../../common/background-jobs';

/** The AI gateway, its upstreams and the guardrail endpoints (docs/integrations/gateway.md). */
@Module({
  imports: [ApiClientsModule, AuditModule, AuthModule, BackgroundJobsModule, DecisionsModule, SecretsModule],
  controllers: [GatewayUpstreamsController],
  providers: [GatewayRepository, GatewayUpstreamsService, GatewayTrafficService, GatewayUrlGuard, GatewayService, GuardrailsService, GatewayRoutes],
  exports: [GatewayRoutes, GatewayTrafficService],
})
export class GatewayModule {}

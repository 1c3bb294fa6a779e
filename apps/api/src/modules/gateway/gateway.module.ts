import { Module } from '@nestjs/common';
import { GatewayRoutes } from './gateway-routes';
import { GatewayTrafficService } from './gateway-traffic.service';
import { GatewayUrlGuard } from './gateway-url-guard';
import { GatewayService } from './gateway.service';
import { GuardrailsService } from './guardrails.service';
import { GatewayUpstreamsController } from './upstreams.controller';
import { GatewayRepository } from './upstreams.repository';
import { GatewayUpstreamsService } from './upstreams.service';

/** The AI gateway, its upstreams and the guardrail endpoints (docs/integrations/gateway.md). */
@Module({
  controllers: [GatewayUpstreamsController],
  providers: [GatewayRepository, GatewayUpstreamsService, GatewayTrafficService, GatewayUrlGuard, GatewayService, GuardrailsService, GatewayRoutes],
  exports: [GatewayRoutes, GatewayTrafficService],
})
export class GatewayModule {}

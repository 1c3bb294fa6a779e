import { Module } from '@nestjs/common';
import { ApiClientsModule } from '../api-clients/api-clients.module';
import { AuthModule } from '../auth/auth.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { PolicyModule } from '../policy/policy.module';
import { BlockPageServer } from './block-page.server';
import { NetworkRoutes } from './network-routes';
import { NetworkService } from './network.service';

/**
 * Enforcement on the network (docs/integrations/nginx.md, envoy.md, opa.md, dns.md, pac.md): the
 * gateways' authorization subrequests, the OPA-compatible Data API, the DNS, proxy and PAC exports,
 * and the block-page proxy.
 */
@Module({
  imports: [ApiClientsModule, AuthModule, DecisionsModule, PolicyModule],
  providers: [NetworkService, NetworkRoutes, BlockPageServer],
  exports: [NetworkRoutes, BlockPageServer],
})
export class NetworkModule {}

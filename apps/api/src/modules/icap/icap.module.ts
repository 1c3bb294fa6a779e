import { Module } from '@nestjs/common';
import { ApiClientsModule } from '../api-clients/api-clients.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { MetricsModule } from '../metrics/metrics.module';
import { PolicyModule } from '../policy/policy.module';
import { IcapListener } from './icap.listener';
import { IcapService } from './icap.service';

/** The ICAP service for web proxies (docs/integrations/proxy-icap.md). */
@Module({
  imports: [ApiClientsModule, DecisionsModule, MetricsModule, PolicyModule],
  providers: [IcapService, IcapListener],
  exports: [IcapListener],
})
export class IcapModule {}

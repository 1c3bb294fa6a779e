import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SecretsModule } from '../secrets/secrets.module';
import { DiscoveryController } from './discovery.controller';
import { DiscoveryRepository } from './discovery.repository';
import { DiscoveryService } from './discovery.service';

/** Shadow-AI discovery from imported logs (docs/integrations/discovery.md). */
@Module({
  imports: [AuditModule, SecretsModule],
  controllers: [DiscoveryController],
  providers: [DiscoveryRepository, DiscoveryService],
  exports: [DiscoveryService],
})
export class DiscoveryModule {}

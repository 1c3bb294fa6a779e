import { Module } from '@nestjs/common';
import { CatalogReleaseController } from './catalog-release.controller';
import { CatalogReleaseRepository } from './catalog-release.repository';
import { CatalogReleaseService } from './catalog-release.service';
import { ProvidersController } from './providers.controller';
import { ProvidersRepository } from './providers.repository';
import { ProvidersService } from './providers.service';
import { AuditModule } from '../audit/audit.module';
import { PolicyModule } from '../policy/policy.module';
import { WebhooksModule } from '../webhooks/webhooks.module';

@Module({
  imports: [AuditModule, PolicyModule, WebhooksModule],
  controllers: [ProvidersController, CatalogReleaseController],
  providers: [ProvidersRepository, ProvidersService, CatalogReleaseRepository, CatalogReleaseService],
  exports: [ProvidersRepository, ProvidersService, CatalogReleaseService],
})
export class CatalogModule {}

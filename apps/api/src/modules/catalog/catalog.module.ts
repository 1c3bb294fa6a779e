import { Module } from '@nestjs/common';
import { ProvidersController } from './providers.controller';
import { ProvidersRepository } from './providers.repository';
import { ProvidersService } from './providers.service';
import { AuditModule } from '../audit/audit.module';
import { PolicyModule } from '../policy/policy.module';

@Module({
  imports: [AuditModule, PolicyModule],
  controllers: [ProvidersController],
  providers: [ProvidersRepository, ProvidersService],
  exports: [ProvidersRepository, ProvidersService],
})
export class CatalogModule {}

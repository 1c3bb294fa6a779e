import { Module } from '@nestjs/common';
import { ApiClientsController } from './api-clients.controller';
import { ApiClientsRepository } from './api-clients.repository';
import { ApiClientsService } from './api-clients.service';
import { ApiKeyRegistry } from './api-key-registry.service';
import { AuditModule } from '../audit/audit.module';
import { BackgroundJobsModule } from '../../common/background-jobs';

@Module({
  imports: [BackgroundJobsModule, AuditModule],
  controllers: [ApiClientsController],
  providers: [ApiClientsRepository, ApiKeyRegistry, ApiClientsService],
  exports: [ApiKeyRegistry],
})
export class ApiClientsModule {}

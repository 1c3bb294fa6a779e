import { Module } from '@nestjs/common';
import { InstanceRegistry } from './instance-registry.service';
import { InstanceRepository } from './instance.repository';
import { PolicyController } from './policy.controller';
import { PolicyRepository } from './policy.repository';
import { PolicyRuntime } from './policy-runtime.service';
import { PolicyService } from './policy.service';
import { RulesController } from './rules.controller';
import { AuditModule } from '../audit/audit.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { BackgroundJobsModule } from '../../common/background-jobs';

@Module({
  imports: [BackgroundJobsModule, AuditModule, WebhooksModule],
  controllers: [RulesController, PolicyController],
  providers: [PolicyRepository, PolicyService, PolicyRuntime, InstanceRepository, InstanceRegistry],
  exports: [PolicyRepository, PolicyService, PolicyRuntime, InstanceRegistry],
})
export class PolicyModule {}

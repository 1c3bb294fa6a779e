import { Module } from '@nestjs/common';
import { BackgroundJobsModule } from '../../common/background-jobs';
import { AuditModule } from '../audit/audit.module';
import { MetricsModule } from '../metrics/metrics.module';
import { PolicyModule } from '../policy/policy.module';
import { SecretsModule } from '../secrets/secrets.module';
import { SiemController } from './siem.controller';
import { SiemDispatcher } from './siem-dispatcher.service';
import { SiemRepository } from './siem.repository';
import { SiemService } from './siem.service';
import { SiemTapModule } from './siem-tap';
import { SiemUrlGuard } from './siem-url-guard';

/** Events to the organization's SIEM (docs/integrations/siem.md): destinations, their delivery, the test button. */
@Module({
  imports: [BackgroundJobsModule, AuditModule, MetricsModule, PolicyModule, SecretsModule, SiemTapModule],
  controllers: [SiemController],
  providers: [SiemRepository, SiemService, SiemDispatcher, SiemUrlGuard],
  exports: [SiemDispatcher],
})
export class SiemModule {}

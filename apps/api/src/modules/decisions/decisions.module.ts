import { Module } from '@nestjs/common';
import { DecisionLogStore } from './decision-log.store';
import { DecisionLogWriter } from './decision-log.writer';
import { DecisionFileRoutes } from './decision-file-routes';
import { DecisionRoutes } from './decision-routes';
import { BundleEvents } from './bundle-events';
import { DecisionService } from './decision.service';
import { DecisionReportService } from './decision-report.service';
import { DecisionsController } from './decisions.controller';
import { SubjectDirectoryRepository } from './subject-directory.repository';
import { SubjectDirectoryService } from './subject-directory.service';
import { TextInspectionPool } from './text-inspection.pool';
import { ApiClientsModule } from '../api-clients/api-clients.module';
import { AuthModule } from '../auth/auth.module';
import { HealthModule } from '../health/health.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { MetricsModule } from '../metrics/metrics.module';
import { PolicyModule } from '../policy/policy.module';
import { SecretsModule } from '../secrets/secrets.module';
import { BackgroundJobsModule } from '../../common/background-jobs';
import { ExceptionsModule } from '../exceptions/exceptions.module';
import { SiemTapModule } from '../siem/siem-tap';
import { WebhooksModule } from '../webhooks/webhooks.module';

@Module({
  imports: [BackgroundJobsModule, ApiClientsModule, AuthModule, ExceptionsModule, HealthModule, IncidentsModule, MetricsModule, PolicyModule, SecretsModule, SiemTapModule, WebhooksModule],
  controllers: [DecisionsController],
  providers: [DecisionService, DecisionReportService, DecisionLogWriter, DecisionLogStore, DecisionRoutes, DecisionFileRoutes, BundleEvents, SubjectDirectoryRepository, SubjectDirectoryService, TextInspectionPool],
  exports: [DecisionService, DecisionLogWriter, DecisionRoutes, DecisionFileRoutes, SubjectDirectoryService],
})
export class DecisionsModule {}

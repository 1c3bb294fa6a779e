import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AutomaticIncidentQueue } from './automatic-incidents.service';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';
import { IncidentIntake } from './incident-intake.service';
import { IncidentQueries } from './incident-queries.service';
import { IncidentTriage } from './incident-triage.service';
import { IncidentsApiController } from './incidents-api.controller';
import { IncidentsController } from './incidents.controller';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsService } from './incidents.service';
import { BackgroundJobsModule } from '../../common/background-jobs';
import { SiemTapModule } from '../siem/siem-tap';

/**
 * Incidents: the analysts' API (/api/incidents) and /v1/incidents for decision clients. The employee
 * portal's endpoints (/api/portal/incidents) are in the portal module; the decision path calls
 * IncidentsService.queueAutomaticIncident.
 */
@Module({
  imports: [BackgroundJobsModule, AuditModule, WebhooksModule, SiemTapModule],
  controllers: [IncidentsController, IncidentsApiController],
  providers: [
    IncidentsRepository,
    IncidentIntake,
    AutomaticIncidentQueue,
    IncidentTriage,
    IncidentQueries,
    IncidentsService,
    IdempotencyRepository,
    IdempotencyService,
  ],
  exports: [IncidentsService, IncidentsRepository],
})
export class IncidentsModule {}

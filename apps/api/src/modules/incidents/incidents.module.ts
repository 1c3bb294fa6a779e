import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { DemoDataService } from '../bootstrap/demo-data.service';
import { IncidentsPortalController } from '../portal/incidents-portal.controller';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { DemoIncidentsSeeder } from './demo-incidents.seeder';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencyService } from './idempotency.service';
import { IncidentsApiController } from './incidents-api.controller';
import { IncidentsController } from './incidents.controller';
import { IncidentsRepository } from './incidents.repository';
import { AutomaticIncidentQueue } from './automatic-incidents.service';
import { IncidentIntake } from './incident-intake.service';
import { IncidentQueries } from './incident-queries.service';
import { IncidentTriage } from './incident-triage.service';
import { IncidentsService } from './incidents.service';
import { QuietRequestLog } from './quiet-request-log';

/**
 * Incidents: the analysts' API (/api/incidents), the employee portal's endpoints
 * (/api/portal/incidents, the controller lives with the portal) and /v1/incidents for decision
 * clients. The decision path calls IncidentsService.queueAutomaticIncident.
 */
@Global()
@Module({
  imports: [WebhooksModule],
  controllers: [IncidentsController, IncidentsPortalController, IncidentsApiController],
  providers: [IncidentsRepository, IncidentIntake, AutomaticIncidentQueue, IncidentTriage, IncidentQueries, IncidentsService, IdempotencyRepository, IdempotencyService, DemoIncidentsSeeder, QuietRequestLog],
  exports: [IncidentsService],
})
export class IncidentsModule implements OnModuleInit {
  constructor(
    private readonly demo: DemoDataService,
    private readonly seeder: DemoIncidentsSeeder,
  ) {}

  onModuleInit(): void {
    this.demo.registerIncidentSeeder((organizationId) => this.seeder.seed(organizationId));
  }
}

import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { PolicyModule } from '../policy/policy.module';
import { IncidentsPortalController } from './incidents-portal.controller';
import { PortalRepository } from './portal.repository';
import { PortalToolsController, ToolRequestsController } from './tool-requests.controller';
import { ToolRequestsService } from './tool-requests.service';
import { ToolsService } from './tools.service';

/** The employee portal: the AI services one may use, service requests, and reporting and following incidents. */
@Module({
  imports: [AuditModule, PolicyModule, IncidentsModule],
  controllers: [PortalToolsController, ToolRequestsController, IncidentsPortalController],
  providers: [ToolsService, ToolRequestsService, PortalRepository],
})
export class PortalModule {}

import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { PolicyModule } from '../policy/policy.module';
import { DemoDataService } from './demo-data.service';
import { DemoIncidentsSeeder } from './demo-incidents.seeder';
import { DemoRepository } from './demo.repository';

/**
 * The lived-in demo of AIRLOCK_DEMO_DATA, apart from the runtime modules: it uses their services
 * (the same code paths as real use) and nothing at runtime uses it, except the first-run bootstrap.
 */
@Module({
  imports: [AuditModule, PolicyModule, DecisionsModule, IncidentsModule],
  providers: [DemoRepository, DemoDataService, DemoIncidentsSeeder],
  exports: [DemoDataService],
})
export class DemoModule {}

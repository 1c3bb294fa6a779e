import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DemoModule } from '../demo/demo.module';
import { PolicyModule } from '../policy/policy.module';
import { CatalogModule } from '../catalog/catalog.module';
import { BootstrapRepository } from './bootstrap.repository';
import { BootstrapService } from './bootstrap.service';

/** The first run: the organization, its owner and bootstrap key; with AIRLOCK_DEMO_DATA, the demo. */
@Module({ imports: [AuditModule, PolicyModule, DemoModule, CatalogModule], providers: [BootstrapRepository, BootstrapService], exports: [BootstrapService] })
export class BootstrapModule {}

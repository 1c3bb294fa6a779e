import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DiscoveryModule } from '../discovery/discovery.module';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { OnboardingRepository } from './onboarding.repository';
import { OverrideRatesRepository } from './override-rates.repository';

@Module({ imports: [AuditModule, DiscoveryModule], controllers: [DashboardController], providers: [DashboardRepository, DashboardService, OnboardingRepository, OverrideRatesRepository] })
export class DashboardModule {}

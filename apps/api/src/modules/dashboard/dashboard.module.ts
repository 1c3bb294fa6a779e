import { Module } from '@nestjs/common';
import { DiscoveryModule } from '../discovery/discovery.module';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { OverrideRatesRepository } from './override-rates.repository';

@Module({ imports: [DiscoveryModule], controllers: [DashboardController], providers: [DashboardRepository, DashboardService, OverrideRatesRepository] })
export class DashboardModule {}

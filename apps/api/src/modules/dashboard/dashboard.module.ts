import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { OverrideRatesRepository } from './override-rates.repository';

@Module({ controllers: [DashboardController], providers: [DashboardRepository, DashboardService, OverrideRatesRepository] })
export class DashboardModule {}

import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { OverrideRatesRepository } from './override-rates.repository';

@Module({ controllers: [DashboardController], providers: [DashboardService, OverrideRatesRepository] })
export class DashboardModule {}

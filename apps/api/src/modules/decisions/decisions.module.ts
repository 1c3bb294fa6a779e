import { Global, Module } from '@nestjs/common';
import { DecisionLogStore } from './decision-log.store';
import { DecisionLogWriter } from './decision-log.writer';
import { DecisionRoutes } from './decision-routes';
import { BundleEvents } from './bundle-events';
import { DecisionService } from './decision.service';
import { DecisionReportService } from './decision-report.service';
import { DecisionsController } from './decisions.controller';
import { SubjectDirectoryService } from './subject-directory.service';

@Global()
@Module({
  controllers: [DecisionsController],
  providers: [DecisionService, DecisionReportService, DecisionLogWriter, DecisionLogStore, DecisionRoutes, BundleEvents, SubjectDirectoryService],
  exports: [DecisionService, DecisionLogWriter, DecisionRoutes, SubjectDirectoryService],
})
export class DecisionsModule {}

import { Global, Module } from '@nestjs/common';
import { DecisionLogWriter } from './decision-log.writer';
import { DecisionRoutes } from './decision-routes';
import { DecisionService } from './decision.service';
import { DecisionsController } from './decisions.controller';

@Global()
@Module({
  controllers: [DecisionsController],
  providers: [DecisionService, DecisionLogWriter, DecisionRoutes],
  exports: [DecisionService, DecisionLogWriter, DecisionRoutes],
})
export class DecisionsModule {}

import { Global, Module } from '@nestjs/common';
import { DecisionLogWriter } from './decision-log.writer';
import { DecisionService } from './decision.service';
import { DecisionsController } from './decisions.controller';

@Global()
@Module({
  controllers: [DecisionsController],
  providers: [DecisionService, DecisionLogWriter],
  exports: [DecisionService, DecisionLogWriter],
})
export class DecisionsModule {}

import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ActivityController, SearchController } from './activity.controller';
import { ActivityRepository } from './activity.repository';
import { ActivityService } from './activity.service';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/** The Activity page over the decision log and the console's global search (docs/architecture.md). */
@Module({
  imports: [AuditModule],
  controllers: [ActivityController, SearchController],
  providers: [ActivityRepository, ActivityService, SearchRepository, SearchService],
})
export class ActivityModule {}

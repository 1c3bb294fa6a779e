import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { activityDetailQuery, activityFilter, activityPageQuery, searchQuery, unknownDestinationsQuery } from '@airlock/contracts';
import { parseOr400 } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { ActivityService } from './activity.service';
import { SearchService } from './search.service';

/** The decision log, searchable: pages on the log's key, one decision with its reasons, CSV. */
@Controller('api/activity')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  /** Newest first; `nextCursor` continues (no total: counting the log would cost what the page saves). */
  @Authenticated({ permission: 'decisions.read' })
  @Get()
  list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>) {
    const { cursor, limit, ...filter } = parseOr400(activityPageQuery, query, 'The activity filters are invalid');
    return this.activity.page(user.organizationId, filter, limit, cursor);
  }

  /** The matching decisions as CSV, streamed, at most 100,000 rows; audited. */
  @Authenticated({ permission: 'decisions.read' })
  @Get('export.csv')
  async exportCsv(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const filter = parseOr400(activityFilter, query, 'The activity filters are invalid');
    const lines = await this.activity.export(user.organizationId, actorOf(user), filter);
    void reply.header('cache-control', 'no-store');
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="activity-${new Date().toISOString().slice(0, 10)}.csv"`,
    });
  }

  /** Hosts outside the catalog that prompts, uploads or answers went to (from the hourly rollups). */
  @Authenticated({ permission: 'decisions.read' })
  @Get('unknown-destinations')
  unknownDestinations(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>) {
    const { days } = parseOr400(unknownDestinationsQuery, query);
    return this.activity.unknownDestinations(user.organizationId, days);
  }

  @Authenticated({ permission: 'decisions.read' })
  @Get(':id')
  get(@CurrentUser() user: UserAuth, @Param('id') id: string, @Query() query: Record<string, unknown>) {
    const { time } = parseOr400(activityDetailQuery, query);
    return this.activity.detail(user.organizationId, id, time);
  }
}

/** The app bar's search over services, rules, incidents, users and API clients. */
@Controller('api/search')
export class SearchController {
  constructor(private readonly searches: SearchService) {}

  @Authenticated({ permission: 'search' })
  @Get()
  search(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>) {
    const { q } = parseOr400(searchQuery, query, 'The search is invalid');
    return this.searches.search(user.organizationId, user.role, q);
  }
}

import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { catalogReviewInput } from '@airlock/contracts';
import type { z } from 'zod';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { CatalogReleaseService } from './catalog-release.service';

/** Built-in catalog releases: what changed in the organization's copy since the last review. */
@Controller('api/catalog')
export class CatalogReleaseController {
  constructor(private readonly releases: CatalogReleaseService) {}

  @Authenticated({ permission: 'catalog.read' })
  @Get('release')
  status(@CurrentUser() user: UserAuth) {
    return this.releases.status(user.organizationId);
  }

  @Authenticated({ permission: 'catalog.write' })
  @Post('review')
  @HttpCode(200)
  review(@CurrentUser() user: UserAuth, @Body(body(catalogReviewInput)) input: z.infer<typeof catalogReviewInput>) {
    return this.releases.review(user.organizationId, actorOf(user), input.note ?? null);
  }
}

import { Module } from '@nestjs/common';
import { BlockedDecisionsDigest } from './blocked-decisions.service';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookUrlGuard } from './webhook-url-guard';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';
import { AuditModule } from '../audit/audit.module';
import { BackgroundJobsModule } from '../../common/background-jobs';

@Module({
  imports: [BackgroundJobsModule, AuditModule],
  controllers: [WebhooksController],
  providers: [WebhooksRepository, WebhooksService, WebhookUrlGuard, WebhookDeliveryWorker, BlockedDecisionsDigest],
  exports: [WebhooksService, WebhookDeliveryWorker, WebhookUrlGuard, BlockedDecisionsDigest],
})
export class WebhooksModule {}

import { Controller, Get, Header } from '@nestjs/common';
import { Probe } from '../auth/access.decorators';
import { MetricsService } from './metrics.service';

@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  /** Prometheus exposition. Counts only: no tenant data. Restrict it at the network if needed. */
  @Probe()
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { BackgroundJobs } from '../../../common/background-jobs';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { SsoDomainsService } from './sso-domains.service';

const JOB = 'sso-domain-recheck';

/**
 * Runs the re-check of verified domains in the background (ADR 0015's BackgroundJobs): a domain
 * proved once is not proved forever, a TXT record removed (the domain sold, the DNS handed to
 * someone else) must stop sending its addresses to this organization. The job wakes at most hourly
 * (more often when the period is shorter, as in tests) and re-checks what is due; instances share
 * the work through a claim on each domain, and a run never overlaps the previous one.
 */
@Injectable()
export class SsoDomainRecheck implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SsoDomains');
  private running = false;

  constructor(
    private readonly domains: SsoDomainsService,
    private readonly jobs: BackgroundJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every(JOB, Math.min(this.config.ssoDomainRecheckSeconds, 3600) * 1000, () => this.run());
  }

  onModuleDestroy(): void {
    this.jobs.stop(JOB);
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const lost = await this.domains.recheckDue();
      if (lost) this.logger.warn(`${lost} domain${lost === 1 ? '' : 's'} no longer verified: the TXT record is gone`);
    } catch (err) {
      this.logger.warn(`The re-check of verified domains failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}

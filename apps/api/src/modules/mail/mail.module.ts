import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { assertUnreachable } from '../../common/errors';
import { LogMailer } from './log-mailer';
import { MAILER, type Mailer } from './mailer';
import { SmtpMailer } from './smtp-mailer';

function createMailer(config: AppConfig): Mailer {
  switch (config.mailTransport) {
    case 'log':
      return new LogMailer({ includeBody: config.mailLogBodies, from: config.mailFrom });
    case 'smtp':
      // loadConfig refuses smtp without AIRLOCK_SMTP_URL.
      return new SmtpMailer({ url: config.smtp!.url, requireTls: config.smtp!.requireTls, from: config.mailFrom });
    default:
      return assertUnreachable(config.mailTransport);
  }
}

/** Outgoing mail behind the Mailer interface (inject MAILER). */
@Module({
  providers: [{ provide: MAILER, inject: [APP_CONFIG], useFactory: createMailer }],
  exports: [MAILER],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}

  /** Closes the SMTP transport's pooled connections. */
  onApplicationShutdown(): void {
    if (this.mailer instanceof SmtpMailer) this.mailer.close();
  }
}

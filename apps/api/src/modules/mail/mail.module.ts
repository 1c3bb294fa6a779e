import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { assertUnreachable } from '../../common/errors';
import { LogMailer } from './log-mailer';
import { MAILER, type Mailer } from './mailer';

function createMailer(config: AppConfig): Mailer {
  switch (config.mailTransport) {
    case 'log':
      return new LogMailer({ includeBody: config.mailLogBodies, from: config.mailFrom });
    default:
      return assertUnreachable(config.mailTransport);
  }
}

/** Outgoing mail behind the Mailer interface (inject MAILER). */
@Global()
@Module({
  providers: [{ provide: MAILER, inject: [APP_CONFIG], useFactory: createMailer }],
  exports: [MAILER],
})
export class MailModule {}

import { Logger } from '@nestjs/common';
import type { MailMessage, Mailer } from './mailer';

/**
 * The default transport: one log line per mail saying that it was sent, to whom and about what.
 * The body (which holds single-use links: invitations, password resets) is never logged by
 * default, in development included (`npm start` runs in development): a log line with a reset link
 * lets anyone who reads the logs take over the account. A developer who wants to follow the link
 * sets AIRLOCK_MAIL_LOG_BODIES=true, which the configuration refuses outside development.
 */
export class LogMailer implements Mailer {
  private readonly logger = new Logger('Mail');

  constructor(private readonly opts: { includeBody: boolean; from: string }) {}

  send(message: MailMessage): Promise<void> {
    const head = `Mail from ${this.opts.from} to ${message.to}: "${message.subject}"`;
    if (this.opts.includeBody) this.logger.log(`${head} (AIRLOCK_MAIL_LOG_BODIES=true, development only; the body follows)\n${message.text}`);
    else this.logger.log(`${head} (log transport: not delivered; configure a real transport to deliver mail)`);
    return Promise.resolve();
  }
}

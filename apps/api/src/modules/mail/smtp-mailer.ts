import { createTransport, type Transporter } from 'nodemailer';
import type { MailMessage, Mailer } from './mailer';

/** A delivery that failed; its message names the cause, never the server's credentials or the mail's body. */
export class MailDeliveryError extends Error {}

export interface SmtpOptions {
  /** smtp:// (STARTTLS when offered, or required) or smtps:// (TLS from the first byte), credentials in the URL. */
  url: string;
  /** Refuse to send over smtp:// unless the server upgrades the connection with STARTTLS. */
  requireTls: boolean;
  from: string;
  /** Connection, greeting and socket timeouts (ms); a mail server that hangs must not hold a request for long. */
  timeoutMs?: number;
}

/**
 * Delivers mail through an SMTP server with nodemailer (docs/adr/0012-nodemailer-for-smtp.md).
 * One connection per mail (a handful a day: invitations and resets). Nodemailer's own logger stays off: at debug level it writes
 * the SMTP conversation, bodies (with their single-use links) and AUTH included.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  private readonly server: string;

  constructor(private readonly opts: SmtpOptions) {
    const url = new URL(opts.url);
    const secure = url.protocol === 'smtps:';
    const timeout = opts.timeoutMs ?? 15_000;
    this.server = `${url.protocol}//${url.host}`;
    this.transport = createTransport({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      requireTLS: !secure && opts.requireTls,
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      logger: false,
      debug: false,
      // Plain text bodies only: nothing may make nodemailer read a file or fetch a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.opts.from, to: message.to, subject: message.subject, text: message.text });
    } catch (err) {
      throw new MailDeliveryError(`SMTP delivery through ${this.server} failed: ${describe(err)}`);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * The cause in a few words: the error code and the server's answer, one line. Nodemailer's
 * messages hold no password (it never echoes AUTH), but keep only the first line and cap it.
 */
function describe(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  const first = (e.message ?? String(err)).split('\n')[0]!.slice(0, 200);
  return [e.code, e.responseCode, first].filter((x) => x !== undefined && x !== '').join(' ');
}

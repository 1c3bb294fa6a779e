/** One outgoing message: plain text only (links are written out, nothing to render or sanitise). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Where mail leaves Airlock. The default transport writes a log line (log-mailer.ts); an SMTP
 * transport plugs in behind the same interface (docs/adr/0005-account-tokens-and-mail.md says how).
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export const MAILER = Symbol('MAILER');

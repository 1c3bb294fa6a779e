/**
 * The SMTP transport against a real SMTP server (smtp-server on 127.0.0.1, with AUTH): invitations
 * and password resets arrive with their links; a server that refuses or cannot be reached makes the
 * invitation fail cleanly (201, `invitationSent: false` with a reason, the user stays invited) and
 * no token or SMTP password reaches the logs.
 */
import { Logger } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { AccountService } from '../../apps/api/src/modules/auth/account.service';
import { SmtpMailer } from '../../apps/api/src/modules/mail/smtp-mailer';
import type { AddressInfo } from 'node:net';
import { ADMIN_EMAIL, startTestApp, type Session, type TestApp } from '../support/test-app';

const SMTP_USER = 'airlock@mail.test';
const SMTP_PASSWORD = 'smtp-pass:w/rd@x';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

async function startSmtpServer(port: number, received: Received[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    // No TLS certificate here: plain SMTP on the loopback address, AUTH allowed without TLS.
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    closeTimeout: 200,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}

const closeServer = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));
/** The body as sent: quoted-printable soft line breaks undone, so a long link is one string again. */
const bodyOf = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
const tokenIn = (text: string, route: string) => new RegExp(`#/${route}\\?token=([A-Za-z0-9_-]+)`).exec(bodyOf(text))?.[1];

describe('mail over SMTP (AIRLOCK_MAIL_TRANSPORT=smtp)', () => {
  let t: TestApp;
  let owner: Session;
  let smtp: SMTPServer;
  let port: number;
  const received: Received[] = [];
  const logged: string[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer(0, received);
    port = (smtp.server.address() as AddressInfo).port;
    for (const level of ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'] as const) {
      const original = Logger.prototype[level];
      jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, ...args: unknown[]) {
        logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
        return (original as (...a: unknown[]) => void).apply(this, args);
      });
    }
    t = await startTestApp({
      AIRLOCK_PUBLIC_URL: 'https://airlock.example.com',
      AIRLOCK_MAIL_TRANSPORT: 'smtp',
      AIRLOCK_SMTP_URL: `smtp://${encodeURIComponent(SMTP_USER)}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`,
      AIRLOCK_MAIL_FROM: 'Airlock <airlock@airlock.example.com>',
      AIRLOCK_LOG_LEVEL: 'debug',
    });
    owner = await t.login();
  });

  afterAll(async () => {
    await t?.close();
    if (smtp) await closeServer(smtp);
    jest.restoreAllMocks();
  });

  test('an invitation arrives with its link, and the link works', async () => {
    const created = await owner.json('/api/users', { method: 'POST', json: { email: 'nina@example.com', name: 'Nina', role: 'employee' } });
    expect(created).toMatchObject({ invitationSent: true, invitationPending: true });
    expect(created.invitationError).toBeUndefined();
    const mail = received.find((m) => m.to.includes('nina@example.com'))!;
    expect(mail.from).toBe('airlock@airlock.example.com');
    expect(mail.raw).toMatch(/^Subject: You are invited to Airlock/m);
    expect(bodyOf(mail.raw)).toContain('https://airlock.example.com/#/accept-invite?token=');
    const token = tokenIn(mail.raw, 'accept-invite')!;
    tokens.push(token);
    expect((await t.request('/api/auth/invitations/accept', { method: 'POST', json: { token, password: 'quiet-harbor-lantern-58' } })).status).toBe(200);
    await t.login('nina@example.com', 'quiet-harbor-lantern-58');
  });

  test('a password reset arrives with its link, and the link works', async () => {
    expect((await t.request('/api/auth/password-reset/request', { method: 'POST', json: { email: ADMIN_EMAIL } })).status).toBe(202);
    await t.app.get(AccountService).settled();
    const mail = received.find((m) => m.to.includes(ADMIN_EMAIL))!;
    expect(mail.raw).toMatch(/^Subject: Reset your Airlock password/m);
    const token = tokenIn(mail.raw, 'reset-password')!;
    expect(token).toBeTruthy();
    tokens.push(token);
    expect((await t.request('/api/auth/password-reset/confirm', { method: 'POST', json: { token, password: 'amber-violin-glacier-93' } })).status).toBe(200);
    owner = await t.login(ADMIN_EMAIL, 'amber-violin-glacier-93');
  });

  test('an unreachable mail server: the user is created and stays invited, the answer says the mail did not leave', async () => {
    await closeServer(smtp);
    const created = await owner.json('/api/users', { method: 'POST', json: { email: 'omar@example.com', name: 'Omar', role: 'employee' } });
    expect(created).toMatchObject({ invitationSent: false, invitationPending: true });
    expect(created.invitationError).toMatch(/could not be mailed.*Resend/);
    const resent = await owner.json(`/api/users/${created.id}/invitation`, { method: 'POST' });
    expect(resent).toMatchObject({ invitationSent: false, invitationPending: true });
    expect(resent.invitationError).toMatch(/could not be mailed/);
    // The reason is in the server log: the address, never the credentials.
    expect(logged.join('\n')).toMatch(new RegExp(`Could not send "You are invited to Airlock.*SMTP delivery through smtp://127.0.0.1:${port} failed: ESOCKET connect ECONNREFUSED`));

    // The server is back: the resend works and the link arrives.
    smtp = await startSmtpServer(port, received);
    const again = await owner.json(`/api/users/${created.id}/invitation`, { method: 'POST' });
    expect(again).toMatchObject({ invitationSent: true });
    tokens.push(tokenIn(received.find((m) => m.to.includes('omar@example.com'))!.raw, 'accept-invite')!);
  });

  test('a server that refuses the credentials, or offers no STARTTLS when TLS is required, fails with the cause and no secret', async () => {
    const wrong = new SmtpMailer({ url: `smtp://${encodeURIComponent(SMTP_USER)}:not-the-password@127.0.0.1:${port}`, requireTls: false, from: 'a@b.test', timeoutMs: 5_000 });
    const refused = await wrong.send({ to: 'x@example.com', subject: 's', text: 'https://airlock.example.com/#/reset-password?token=SECRET-TOKEN' }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/EAUTH 535/);
    expect(refused).not.toMatch(/not-the-password|SECRET-TOKEN/);

    const tls = new SmtpMailer({ url: `smtp://${encodeURIComponent(SMTP_USER)}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`, requireTls: true, from: 'a@b.test', timeoutMs: 5_000 });
    const noTls = await tls.send({ to: 'x@example.com', subject: 's', text: 'body' }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(noTls).toMatch(/STARTTLS|TLS/);
    expect(noTls).not.toContain(SMTP_PASSWORD);
  });

  test('no token and no SMTP password in any log line', () => {
    expect(tokens.length).toBe(3);
    const all = logged.join('\n');
    expect(all.length).toBeGreaterThan(0);
    for (const token of tokens) expect(all).not.toContain(token);
    expect(all).not.toMatch(/token=/);
    expect(all).not.toContain(SMTP_PASSWORD);
    expect(all).not.toContain(encodeURIComponent(SMTP_PASSWORD));
  });
});

import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '../../config/config';
import { LogMailer } from './log-mailer';

const message = { to: 'new@example.com', subject: 'You are invited to Airlock', text: 'Open https://airlock.example/#/accept-invite?token=SECRET-TOKEN-123 to set your password.' };

describe('LogMailer (the default transport)', () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((m: unknown) => void lines.push(String(m)));
  });
  afterEach(() => jest.restoreAllMocks());

  it('by default, in development too (npm start), logs to whom and the subject, never the link or token', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://localhost/airlock', NODE_ENV: 'development' });
    expect(config.mailLogBodies).toBe(false);
    await new LogMailer({ includeBody: config.mailLogBodies, from: config.mailFrom }).send(message);
    expect(lines.join('\n')).toContain('new@example.com');
    expect(lines.join('\n')).toContain('You are invited to Airlock');
    expect(lines.join('\n')).not.toMatch(/SECRET-TOKEN|accept-invite/);
  });

  it('logs the body only with AIRLOCK_MAIL_LOG_BODIES=true, which is refused outside development', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://localhost/airlock', NODE_ENV: 'development', AIRLOCK_MAIL_LOG_BODIES: 'true' });
    await new LogMailer({ includeBody: config.mailLogBodies, from: config.mailFrom }).send(message);
    expect(lines.join('\n')).toContain('SECRET-TOKEN-123');
    for (const env of ['production', 'test']) {
      expect(() => loadConfig({ DATABASE_URL: 'postgresql://localhost/airlock', NODE_ENV: env, AIRLOCK_MAIL_LOG_BODIES: 'true' })).toThrow(ConfigError);
    }
  });
});

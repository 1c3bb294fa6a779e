import { availableParallelism } from 'node:os';
import { AUTO_WORKERS_MAX, autoWorkers, cgroupCpuQuota } from './usable-cores';
import { ConfigError, loadConfig } from './config';

const base = { DATABASE_URL: 'postgresql://localhost/airlock' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...base, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to `auto`, one API worker per usable core; a number is taken as it is', () => {
    expect(loadConfig(base).workers).toBe(autoWorkers());
    expect(loadConfig({ ...base, AIRLOCK_WORKERS: 'auto' }).workers).toBe(autoWorkers());
    expect(autoWorkers()).toBe(Math.min(availableParallelism(), AUTO_WORKERS_MAX, Math.ceil(cgroupCpuQuota() ?? Infinity)));
    expect(loadConfig({ ...base, AIRLOCK_WORKERS: '3' }).workers).toBe(3);
  });

  it.each(['0', '65', '1.5', 'two', '-1', 'AUTO'])('refuses AIRLOCK_WORKERS=%s, naming the variable', (value) => {
    expect(problems({ AIRLOCK_WORKERS: value })).toEqual(['AIRLOCK_WORKERS must be a whole number from 1 to 64, or auto']);
  });

  it('the ICAP service is off unless AIRLOCK_ICAP_PORT is set; its settings are checked', () => {
    expect(loadConfig(base).icap).toBeNull();
    expect(loadConfig({ ...base, AIRLOCK_ICAP_PORT: '1344', HOST: '10.0.0.5' }).icap).toMatchObject({
      port: 1344,
      host: '10.0.0.5',
      maxBodyBytes: 2 * 1024 * 1024,
      failOpen: false,
      clientIpHeader: 'X-Client-IP',
      userHeader: 'X-Authenticated-User',
      userEncoding: 'plain',
      userDomain: null,
    });
    expect(loadConfig({ ...base, AIRLOCK_ICAP_PORT: '1344', AIRLOCK_ICAP_FAIL: 'open', AIRLOCK_ICAP_USER_DOMAIN: 'Example.COM' }).icap).toMatchObject({ failOpen: true, userDomain: 'example.com' });
    expect(problems({ AIRLOCK_ICAP_PORT: '70000' })[0]).toMatch(/^AIRLOCK_ICAP_PORT /);
    expect(problems({ AIRLOCK_ICAP_FAIL: 'maybe' })[0]).toMatch(/^AIRLOCK_ICAP_FAIL /);
    expect(problems({ AIRLOCK_ICAP_USER_HEADER: 'X-User: evil' })[0]).toMatch(/^AIRLOCK_ICAP_USER_HEADER must be a header name/);
    expect(problems({ AIRLOCK_ICAP_MAX_BODY_BYTES: '10' })[0]).toMatch(/^AIRLOCK_ICAP_MAX_BODY_BYTES /);
  });

  it('gives clients 60 s to send a request unless told otherwise, from 1 s to an hour', () => {
    expect(loadConfig(base).requestTimeoutSeconds).toBe(60);
    expect(loadConfig({ ...base, AIRLOCK_REQUEST_TIMEOUT_SECONDS: '5' }).requestTimeoutSeconds).toBe(5);
    for (const value of ['0', '3601', 'soon']) expect(problems({ AIRLOCK_REQUEST_TIMEOUT_SECONDS: value })[0]).toMatch(/^AIRLOCK_REQUEST_TIMEOUT_SECONDS /);
  });

  it('names every bad variable at once', () => {
    const found = problems({ PORT: '70000', AIRLOCK_WORKERS: 'many', DATABASE_URL: 'mysql://x' });
    expect(found.map((p) => p.split(' ')[0]).sort()).toEqual(['AIRLOCK_WORKERS', 'DATABASE_URL', 'PORT']);
  });
});

describe('AIRLOCK_TRUST_PROXY', () => {
  const trustProxy = (value?: string) => loadConfig(value === undefined ? base : { ...base, AIRLOCK_TRUST_PROXY: value }).trustProxy;

  it('believes no X-Forwarded-For by default, nor for false, 0 or no', () => {
    expect(trustProxy()).toBe(false);
    for (const value of ['false', '0', 'no', 'FALSE', ' No ']) expect(trustProxy(value)).toBe(false);
  });

  it('takes true (every hop: discouraged, the client writes the left-most one) and a hop count', () => {
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('20')).toBe(20);
  });

  it('takes a comma-separated list of proxy addresses and CIDR networks, trimmed', () => {
    expect(trustProxy('10.0.0.0/8, 192.0.2.7')).toEqual(['10.0.0.0/8', '192.0.2.7']);
    expect(trustProxy('127.0.0.1/8')).toEqual(['127.0.0.1/8']);
    expect(trustProxy('2001:db8::/32,::1')).toEqual(['2001:db8::/32', '::1']);
  });

  // `21` is a hop count out of range, not the address 0.0.0.21 (ipaddr.js also reads bare numbers
  // as IPv4 "long" addresses, so the list branch must not accept it).
  it.each(['nonsense', '300.1.1.1', '21', '10.0.0.0/33', '10.0.0.0/8, proxy.internal', ','])('refuses AIRLOCK_TRUST_PROXY=%j, naming the variable', (value) => {
    const found = problems({ AIRLOCK_TRUST_PROXY: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^AIRLOCK_TRUST_PROXY must be false, true, a hop count from 1 to 20, or a comma-separated list/);
  });
});

describe('mail transport', () => {
  const base = { DATABASE_URL: 'postgresql://localhost/airlock' };

  it('refuses smtp without AIRLOCK_SMTP_URL, naming the variable', () => {
    expect(() => loadConfig({ ...base, AIRLOCK_MAIL_TRANSPORT: 'smtp' })).toThrow(/AIRLOCK_SMTP_URL is required with AIRLOCK_MAIL_TRANSPORT=smtp/);
  });

  it('takes smtp:// and smtps:// only, and never repeats the URL (it holds the password) in the error', () => {
    for (const url of ['http://user:hunter2secret@mail.example.com', 'mail.example.com:25', 'smtp://']) {
      const error = (() => {
        try {
          loadConfig({ ...base, AIRLOCK_MAIL_TRANSPORT: 'smtp', AIRLOCK_SMTP_URL: url });
        } catch (e) {
          return e as ConfigError;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect(error!.message).toMatch(/AIRLOCK_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
      expect(error!.message).not.toContain('hunter2secret');
    }
  });

  it('requires STARTTLS by default, except on a loopback host; AIRLOCK_SMTP_REQUIRE_TLS overrides', () => {
    const smtp = (url: string, requireTls?: string) =>
      loadConfig({ ...base, AIRLOCK_MAIL_TRANSPORT: 'smtp', AIRLOCK_SMTP_URL: url, ...(requireTls ? { AIRLOCK_SMTP_REQUIRE_TLS: requireTls } : {}) }).smtp;
    expect(smtp('smtp://u:p@mail.example.com:587')).toEqual({ url: 'smtp://u:p@mail.example.com:587', requireTls: true });
    expect(smtp('smtps://u:p@mail.example.com')!.requireTls).toBe(true);
    expect(smtp('smtp://127.0.0.1:2525')!.requireTls).toBe(false);
    expect(smtp('smtp://[::1]:2525')!.requireTls).toBe(false);
    expect(smtp('smtp://localhost:2525')!.requireTls).toBe(false);
    expect(smtp('smtp://127.0.0.1:2525', 'true')!.requireTls).toBe(true);
    expect(smtp('smtp://mail.example.com', 'false')!.requireTls).toBe(false);
    expect(loadConfig(base).smtp).toBeNull();
  });
});

describe('password breach check', () => {
  const base = { DATABASE_URL: 'postgresql://localhost/airlock' };
  it('is off by default, with the Have I Been Pwned range API as its URL', () => {
    expect(loadConfig(base)).toMatchObject({ passwordBreachCheck: false, passwordBreachUrl: 'https://api.pwnedpasswords.com/range/' });
    expect(loadConfig({ ...base, AIRLOCK_PASSWORD_BREACH_CHECK: 'true', AIRLOCK_PASSWORD_BREACH_URL: 'http://127.0.0.1:9/range/' })).toMatchObject({ passwordBreachCheck: true, passwordBreachUrl: 'http://127.0.0.1:9/range/' });
    expect(() => loadConfig({ ...base, AIRLOCK_PASSWORD_BREACH_URL: 'ftp://example.com/' })).toThrow(/AIRLOCK_PASSWORD_BREACH_URL/);
  });
});

describe('block-page proxy', () => {
  it('is off unless a port is set; binds HOST unless told; the PAC proxy is host:port', () => {
    expect(loadConfig(base).blockPage).toEqual({ port: null, host: '127.0.0.1', proxy: null });
    expect(loadConfig({ ...base, HOST: '0.0.0.0', AIRLOCK_BLOCK_PAGE_PORT: '8099', AIRLOCK_BLOCK_PAGE_PROXY: 'airlock.example.com:8099' }).blockPage).toEqual({
      port: 8099,
      host: '0.0.0.0',
      proxy: 'airlock.example.com:8099',
    });
    expect(loadConfig({ ...base, AIRLOCK_BLOCK_PAGE_PROXY: '[2001:db8::1]:8099' }).blockPage.proxy).toBe('[2001:db8::1]:8099');
  });

  it.each(['airlock.example.com', 'http://airlock:8099', 'airlock:0', 'airlock:70000', '[nonsense]:80', 'a b:80'])('refuses AIRLOCK_BLOCK_PAGE_PROXY=%s, naming the variable', (value) => {
    expect(problems({ AIRLOCK_BLOCK_PAGE_PROXY: value })[0]).toMatch(/^AIRLOCK_BLOCK_PAGE_PROXY must be host:port/);
  });

  it.each(['0', '65536', 'http'])('refuses AIRLOCK_BLOCK_PAGE_PORT=%s', (value) => {
    expect(problems({ AIRLOCK_BLOCK_PAGE_PORT: value })[0]).toMatch(/^AIRLOCK_BLOCK_PAGE_PORT /);
  });
});

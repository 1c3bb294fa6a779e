import { isDatabaseOutOfSpace, isDatabaseUnavailable, toErrorResponse } from './error-response';

describe('database unavailable → 503 with Retry-After', () => {
  const cases: [string, unknown][] = [
    ['Prisma cannot reach the server', Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: 'P1001' })],
    ['Prisma timed out waiting for a pooled connection', Object.assign(new Error('Timed out fetching a new connection'), { code: 'P2024' })],
    ['the adapter lost its connection', Object.assign(new Error('x'), { meta: { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } } })],
    ['an administrator ended the session (restart, failover)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['the server is starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection exception class 08', Object.assign(new Error('x'), { originalCode: '08006' })],
    ['too many connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['a refused socket', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect', errno: -111 })],
    ["pg-pool's connection timeout, wrapped", new Error('outer', { cause: new Error('timeout exceeded when trying to connect') })],
    ['a connection that ended mid-query', new Error('Connection terminated unexpectedly')],
    ['a server that stopped answering (pg query_timeout)', new Error('outer', { cause: new Error('Query read timeout') })],
    [
      'a transaction that ran out of time (Prisma rolled it back)',
      Object.assign(new Error('Transaction API error: A commit cannot be executed on an expired transaction. The timeout for this transaction was 15000 ms, however 15012 ms passed since the start of the transaction.'), { code: 'P2028', meta: { operation: 'commit', timeout: 15000, timeTaken: 15012 } }),
    ],
    ['a transaction that could not start in time', Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' })],
  ];
  it.each(cases)('%s', (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
    const res = toErrorResponse(err);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('unavailable');
    expect(res.headers['retry-after']).toBe('5');
    expect(res.unexpected).toBe(false);
  });

  it('leaves other database errors alone', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('unique'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('Transaction API error: Transaction not found.'), { code: 'P2028' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else broke'))).toBe(false);
    expect(toErrorResponse(new Error('something else broke')).status).toBe(500);
  });
});

describe('database out of disk space → 503 with a longer Retry-After', () => {
  const cases: [string, unknown][] = [
    ['SQLSTATE 53100 from the driver', Object.assign(new Error('could not extend file "base/16384/16385": No space left on device'), { code: '53100' })],
    ['inside Prisma\'s driver adapter error', Object.assign(new Error('x'), { code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '53100', kind: 'postgres' } } } })],
    ['only the message', new Error('outer', { cause: new Error('could not write to file "pg_wal/xlogtemp.12": No space left on device') })],
  ];
  it.each(cases)('%s', (_, err) => {
    expect(isDatabaseOutOfSpace(err)).toBe(true);
    const res = toErrorResponse(err);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('unavailable');
    expect(res.body.error.message).toMatch(/out of disk space; nothing was changed/);
    expect(res.headers['retry-after']).toBe('60');
  });

  it('is not any other error', () => {
    expect(isDatabaseOutOfSpace(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseOutOfSpace(Object.assign(new Error('sorry, too many clients already'), { code: '53300' }))).toBe(false);
  });
});

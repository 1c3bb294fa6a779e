import type { AppConfig } from '../../apps/api/src/config/config';
import { AppError } from '../../apps/api/src/common/errors';
import { toErrorResponse } from '../../apps/api/src/common/error-response';
import { PrismaService } from '../../apps/api/src/database/prisma.service';
import { Transactions } from '../../apps/api/src/database/transactions';
import { createTestDatabase, queryOnce } from '../support/database';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * A transaction whose COMMIT reached PostgreSQL but whose answer did not reach the API, on a real
 * server behind a proxy that loses exactly that answer. The API must not tell the caller "nothing was
 * changed" when the change was saved: it looks the transaction up on another connection and
 * succeeds, keeps the error when the transaction was rolled back, and says "it may have been saved"
 * when the server cannot be asked.
 */
const QUERY_TIMEOUT_MS = 1_000;

describe('a commit whose answer is lost', () => {
  let db: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let prisma: PrismaService;
  let transactions: Transactions;

  beforeAll(async () => {
    db = await createTestDatabase();
    await queryOnce(db.url, 'CREATE TABLE in_doubt (marker text PRIMARY KEY)');
    const target = new URL(db.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port));
    prisma = new PrismaService({ databaseUrl: proxy.url(db.url), databasePoolSize: 4, databaseQueryTimeoutMs: QUERY_TIMEOUT_MS } as AppConfig);
    transactions = new Transactions(prisma);
  }, 60_000);

  afterAll(async () => {
    proxy?.thaw();
    await prisma?.onApplicationShutdown();
    await proxy?.close();
    await db?.drop();
  });

  const insert = (marker: string) =>
    transactions.run(async () => {
      await transactions.db.$executeRaw`INSERT INTO in_doubt (marker) VALUES (${marker})`;
      return marker;
    });
  const saved = async (marker: string) => (await queryOnce(db.url, 'SELECT 1 FROM in_doubt WHERE marker = $1', [marker])).length === 1;

  it('succeeds when the server committed and only its answer was lost', async () => {
    proxy.loseNext('COMMIT', 'answer');
    await expect(insert('answer-lost')).resolves.toBe('answer-lost');
    expect(await saved('answer-lost')).toBe(true);
  });

  it('keeps the "nothing was changed" error when COMMIT never reached the server', async () => {
    proxy.loseNext('COMMIT', 'request');
    const error = await insert('request-lost').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(AppError);
    const answer = toErrorResponse(error);
    expect(answer.status).toBe(503);
    expect(answer.body.error.message).toMatch(/nothing was changed/);
    expect(await saved('request-lost')).toBe(false);
  });

  it('says the change may have been saved when the server stops answering after COMMIT, in bounded time', async () => {
    proxy.loseNext('COMMIT', 'freeze');
    const started = Date.now();
    const error = await insert('frozen').catch((e: unknown) => e);
    const took = Date.now() - started;
    proxy.thaw();
    const answer = toErrorResponse(error);
    expect({ status: answer.status, code: answer.body.error.code, details: answer.body.error.details, retryAfter: answer.headers['retry-after'] }).toEqual({
      status: 503,
      code: 'unavailable',
      details: { outcome: 'unknown' },
      retryAfter: '5',
    });
    expect(answer.body.error.message).toMatch(/may have been saved/);
    // The COMMIT's own timeout, then at most three seconds of asking.
    expect(took).toBeLessThan(QUERY_TIMEOUT_MS + 3_000 + 1_500);
    // And it was: the COMMIT was delivered when the server answered again.
    for (let i = 0; i < 50 && !(await saved('frozen')); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await saved('frozen')).toBe(true);
  });

  it('still writes normally afterwards', async () => {
    await expect(insert('after')).resolves.toBe('after');
    expect(await saved('after')).toBe(true);
  });
});

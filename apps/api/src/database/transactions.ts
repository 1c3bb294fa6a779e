import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../common/error-response';
import { AppError } from '../common/errors';
import { PrismaService, type Tx } from './prisma.service';

interface Scope {
  tx: Tx;
  afterCommit: (() => unknown)[];
}

/** What Transactions needs of Prisma: interactive transactions (PrismaService, or a fake in tests). */
export interface TransactionalClient {
  $transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }): Promise<T>;
  /** The id of `tx` once it has written (PostgreSQL's txid), null while it has not. */
  writeTransactionId?(tx: Tx): Promise<string | null>;
  /** What became of a transaction, asked on a connection of its own (PostgreSQL's txid_status). */
  transactionStatus?(xid: string): Promise<TransactionStatus>;
}

export type TransactionStatus = 'committed' | 'aborted' | 'in progress' | null;

/** How long a commit whose answer was lost is looked into before the caller is told it is unknown. */
const IN_DOUBT_CHECK_MS = 3_000;
const IN_DOUBT_POLL_MS = 100;

/**
 * The transaction of the current call, carried by AsyncLocalStorage instead of a `tx` parameter
 * (ADR 0015). `run` opens a transaction, or joins the one already open in this call, so a service
 * that needs "its" changes to be atomic with a caller's (Block now publishes inside the catalog
 * change) just calls `run` again; `db` is the current transaction's client, or the plain client
 * outside one; `afterCommit` queues work for when the outermost transaction has committed (a policy
 * reload after publish), run in order and awaited before `run` returns, and dropped on rollback.
 */
@Injectable()
export class Transactions {
  private readonly scope = new AsyncLocalStorage<Scope>();
  /** Outermost transactions in flight: while none is, the scope is disabled (see `run`). */
  private open = 0;

  constructor(private readonly prisma: PrismaService) {}

  static over(client: TransactionalClient): Transactions {
    return new Transactions(client as unknown as PrismaService);
  }

  private get client(): TransactionalClient {
    return this.prisma;
  }

  /** The current transaction's client, or the plain client outside a transaction. */
  get db(): Tx {
    return this.scope.getStore()?.tx ?? this.prisma;
  }

  get active(): boolean {
    return this.scope.getStore() !== undefined;
  }

  /**
   * Runs `fn` in a transaction: the one already open in this call, or a new one. `fn` takes no
   * client: repositories read the transaction from `db`, so no `tx` is threaded by hand.
   *
   * A commit whose answer is lost (the connection cut, or the server silent past the query timeout,
   * after COMMIT was sent) may have committed. Rather than tell the caller "nothing was changed",
   * the transaction's id, taken just before COMMIT, is looked up on another connection: committed,
   * and the call succeeds as if the answer had come; aborted, and the error stands; still unknown
   * after a few seconds, and the caller gets a 503 that says the change may have been saved.
   */
  async run<T>(fn: () => Promise<T>, options: { timeout?: number } = {}): Promise<T> {
    if (this.scope.getStore()) return fn();
    const afterCommit: (() => unknown)[] = [];
    this.open++;
    let result: T;
    let beforeCommit: { value: T; xid: string | null } | undefined;
    try {
      result = await this.client.$transaction(async (tx) => {
        const value = await this.scope.run({ tx, afterCommit }, fn);
        beforeCommit = { value, xid: (await this.client.writeTransactionId?.(tx)) ?? null };
        return value;
      }, options);
    } catch (error) {
      if (!beforeCommit?.xid || !isDatabaseUnavailable(error)) throw error;
      const status = await this.settled(beforeCommit.xid);
      if (status === 'aborted') throw error;
      if (status !== 'committed') {
        throw new AppError(
          'unavailable',
          'The database stopped answering while it committed this change: it may have been saved. Check before you retry.',
          { outcome: 'unknown' },
          { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
        );
      }
      result = beforeCommit.value;
    } finally {
      // An AsyncLocalStorage that has run once keeps Node's async hooks on for the whole process
      // (an init hook on every promise and async resource, the decision routes' included: issue #21)
      // until it is disabled. So it is disabled again as soon as no transaction is open; the next
      // `run` enables it. Outside a transaction `db` is the plain client either way.
      if (--this.open === 0) this.scope.disable();
    }
    // Outside the scope: what runs after commit reads and writes with the plain client.
    for (const job of afterCommit) await job();
    return result;
  }

  /** What became of transaction `xid`, polled while it is still open on the server: undefined if unknown. */
  private async settled(xid: string): Promise<TransactionStatus | undefined> {
    const until = Date.now() + IN_DOUBT_CHECK_MS;
    const wait = (ms: number) => new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref());
    for (;;) {
      // Bounded as a whole: a server that is silent keeps a new connection waiting as long as the old.
      const asked = this.client.transactionStatus?.(xid).catch(() => undefined);
      const status = await Promise.race([asked, wait(Math.max(0, until - Date.now()))]);
      if (status === 'committed' || status === 'aborted') return status;
      // 'in progress': the server has not yet seen the connection go, or the COMMIT is still on its way.
      if (status !== 'in progress' || Date.now() + IN_DOUBT_POLL_MS > until) return undefined;
      await wait(IN_DOUBT_POLL_MS);
    }
  }

  /** Runs `job` once the outermost transaction commits (at once outside a transaction). */
  async afterCommit(job: () => unknown): Promise<void> {
    const store = this.scope.getStore();
    if (store) store.afterCommit.push(job);
    else await job();
  }
}

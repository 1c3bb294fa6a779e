import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from './prisma.service';

interface Scope {
  tx: Tx;
  afterCommit: (() => unknown)[];
}

/** What Transactions needs of Prisma: interactive transactions (PrismaService, or a fake in tests). */
export interface TransactionalClient {
  $transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }): Promise<T>;
}

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
   */
  async run<T>(fn: () => Promise<T>, options: { timeout?: number } = {}): Promise<T> {
    if (this.scope.getStore()) return fn();
    const afterCommit: (() => unknown)[] = [];
    this.open++;
    let result: T;
    try {
      result = await this.prisma.$transaction((tx) => this.scope.run({ tx, afterCommit }, fn), options);
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

  /** Runs `job` once the outermost transaction commits (at once outside a transaction). */
  async afterCommit(job: () => unknown): Promise<void> {
    const store = this.scope.getStore();
    if (store) store.afterCommit.push(job);
    else await job();
  }
}

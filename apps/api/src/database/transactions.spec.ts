import { AsyncLocalStorage } from 'node:async_hooks';
import type { Tx } from './prisma.service';
import { AppError } from '../common/errors';
import { Transactions, type TransactionStatus } from './transactions';

/** A fake client: each transaction gets its own marker object and commits unless fn throws. */
function fakeClient() {
  const log: string[] = [];
  let n = 0;
  const client = {
    log,
    async $transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const tx = { id: ++n } as unknown as Tx;
      log.push(`begin ${n}`);
      try {
        const r = await fn(tx);
        log.push(`commit ${(tx as unknown as { id: number }).id}`);
        return r;
      } catch (err) {
        log.push(`rollback ${(tx as unknown as { id: number }).id}`);
        throw err;
      }
    },
  };
  return client;
}

describe('Transactions', () => {
  afterEach(() => jest.restoreAllMocks());

  it('switches the scope (and with it Node\'s async hooks) off once no transaction is open, and on again for the next', async () => {
    const disable = jest.spyOn(AsyncLocalStorage.prototype, 'disable');
    const client = fakeClient();
    const t = Transactions.over(client);
    let releaseFirst!: () => void;
    const first = t.run(async () => {
      const tx = t.db;
      await new Promise<void>((r) => (releaseFirst = r));
      expect(t.db).toBe(tx);
    });
    // A second transaction overlaps the first and outlives it: it keeps its own client throughout.
    const second = t.run(async () => {
      const tx = t.db;
      await new Promise((r) => setImmediate(r));
      releaseFirst();
      await first;
      expect(disable).not.toHaveBeenCalled();
      await new Promise((r) => setTimeout(r, 5));
      expect(t.db).toBe(tx);
      expect(t.active).toBe(true);
    });
    await second;
    expect(disable).toHaveBeenCalledTimes(1);
    expect(t.db).toBe(client);
    expect(t.active).toBe(false);
    await t.run(async () => {
      await Promise.resolve();
      expect(t.db).not.toBe(client);
    });
    expect(disable).toHaveBeenCalledTimes(2);
    expect(client.log).toEqual(['begin 1', 'begin 2', 'commit 1', 'commit 2', 'begin 3', 'commit 3']);
  });

  it('switches the scope off after a rollback too', async () => {
    const disable = jest.spyOn(AsyncLocalStorage.prototype, 'disable');
    const t = Transactions.over(fakeClient());
    await expect(t.run(async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(disable).toHaveBeenCalledTimes(1);
    expect(t.active).toBe(false);
  });

  it('gives the current transaction as db inside run, the plain client outside', async () => {
    const client = fakeClient();
    const t = Transactions.over(client);
    expect(t.db).toBe(client);
    expect(t.active).toBe(false);
    await t.run(async () => {
      const tx = t.db;
      expect(tx).not.toBe(client);
      expect(t.active).toBe(true);
      await Promise.resolve();
      expect(t.db).toBe(tx);
    });
    expect(t.db).toBe(client);
  });

  it('a nested run joins the outer transaction instead of opening another', async () => {
    const client = fakeClient();
    const t = Transactions.over(client);
    await t.run(async () => {
      const outer = t.db;
      await t.run(async () => expect(t.db).toBe(outer));
    });
    expect(client.log).toEqual(['begin 1', 'commit 1']);
  });

  it('runs after-commit work once the outermost transaction has committed, in order', async () => {
    const client = fakeClient();
    const t = Transactions.over(client);
    const result = await t.run(async () => {
      await t.afterCommit(() => client.log.push('reload A'));
      await t.run(async () => {
        await t.afterCommit(async () => {
          await Promise.resolve();
          client.log.push('reload B');
        });
      });
      client.log.push('last statement');
      return 42;
    });
    expect(result).toBe(42);
    expect(client.log).toEqual(['begin 1', 'last statement', 'commit 1', 'reload A', 'reload B']);
  });

  it('drops after-commit work when the transaction rolls back', async () => {
    const client = fakeClient();
    const t = Transactions.over(client);
    await expect(
      t.run(async () => {
        await t.afterCommit(() => client.log.push('reload'));
        throw new Error('conflict');
      }),
    ).rejects.toThrow('conflict');
    expect(client.log).toEqual(['begin 1', 'rollback 1']);
  });

  it('outside a transaction, after-commit work runs at once', async () => {
    const client = fakeClient();
    const t = Transactions.over(client);
    await t.afterCommit(() => client.log.push('now'));
    expect(client.log).toEqual(['now']);
  });

  it('keeps concurrent calls apart', async () => {
    const client = fakeClient();
    const t = Transactions.over(client);
    const seen: unknown[] = [];
    await Promise.all([
      t.run(async () => {
        const tx = t.db;
        await new Promise((r) => setTimeout(r, 5));
        seen.push([tx, t.db]);
      }),
      t.run(async () => {
        const tx = t.db;
        await new Promise((r) => setTimeout(r, 1));
        seen.push([tx, t.db]);
      }),
    ]);
    for (const [tx, db] of seen as [unknown, unknown][]) expect(db).toBe(tx);
    expect((seen[0] as unknown[])[0]).not.toBe((seen[1] as unknown[])[0]);
    expect(client.log.filter((l) => l.startsWith('begin'))).toHaveLength(2);
  });

  describe('a commit whose answer is lost', () => {
    /** A client whose COMMIT fails with `commitError` after the transaction wrote (txid 731). */
    function losingCommit(commitError: unknown, statuses: (TransactionStatus | Error)[]) {
      const asked: string[] = [];
      const client = {
        log: [] as string[],
        async $transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
          await fn({} as Tx);
          throw commitError;
        },
        async writeTransactionId() {
          return '731';
        },
        async transactionStatus(xid: string): Promise<TransactionStatus> {
          asked.push(xid);
          const next = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
          if (next instanceof Error) throw next;
          return next;
        },
      };
      return { client, asked };
    }
    const cut = new Error('Connection terminated unexpectedly');

    it('succeeds when the transaction committed after all, after-commit work included', async () => {
      const { client, asked } = losingCommit(cut, ['committed']);
      const t = Transactions.over(client);
      const result = await t.run(async () => {
        await t.afterCommit(() => client.log.push('reload'));
        return 'created';
      });
      expect(result).toBe('created');
      expect(asked).toEqual(['731']);
      expect(client.log).toEqual(['reload']);
      expect(t.active).toBe(false);
    });

    it('waits while the server still holds the transaction open', async () => {
      const { client, asked } = losingCommit(cut, ['in progress', 'in progress', 'committed']);
      await expect(Transactions.over(client).run(async () => 1)).resolves.toBe(1);
      expect(asked).toHaveLength(3);
    });

    it('keeps the error when the transaction was rolled back', async () => {
      const { client } = losingCommit(cut, ['aborted']);
      await expect(Transactions.over(client).run(async () => 1)).rejects.toBe(cut);
    });

    it('says the change may have been saved when nobody can tell', async () => {
      const { client } = losingCommit(cut, [new Error('Connection terminated unexpectedly')]);
      const error = await Transactions.over(client).run(async () => 1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'unavailable', details: { outcome: 'unknown' }, headers: { 'retry-after': '5' } });
      expect((error as Error).message).toMatch(/may have been saved/);
    });

    it('asks nothing when the server answered the commit with an error of its own', async () => {
      const refused = Object.assign(new Error('could not serialize access'), { code: '40001' });
      const { client, asked } = losingCommit(refused, ['committed']);
      await expect(Transactions.over(client).run(async () => 1)).rejects.toBe(refused);
      expect(asked).toEqual([]);
    });

    it('asks nothing when the work itself failed (COMMIT was never sent)', async () => {
      const { client, asked } = losingCommit(cut, ['committed']);
      client.$transaction = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => fn({} as Tx);
      await expect(Transactions.over(client).run(async () => Promise.reject(cut))).rejects.toBe(cut);
      expect(asked).toEqual([]);
    });
  });
});

import type { PrismaPg } from '@prisma/adapter-pg';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/**
 * @prisma/adapter-pg 7.10 runs an interactive transaction's statements on one pg client, and
 * Prisma's query plan loads an `include`'s relations with Promise.all, so their queries overlap on
 * that client (prisma/orm#29407; fixes proposed upstream in prisma/orm#29468 and #29979, not
 * released). pg queued them itself, but since 8.19 it warns "Calling client.query() when the client
 * is already executing a query is deprecated", and pg 9 will refuse it. This queues a transaction's
 * statements here instead of in pg: the same one connection and the same order as before, no
 * warning. Remove it once the adapter serialises them itself.
 */
export function withSerialTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => serialize(await start(isolationLevel));
    return adapter;
  };
  return factory;
}

function serialize(tx: Transaction): Transaction {
  let last: Promise<unknown> = Promise.resolve();
  const queue = <T>(run: () => Promise<T>): Promise<T> => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
  const queryRaw = tx.queryRaw.bind(tx);
  const executeRaw = tx.executeRaw.bind(tx);
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  tx.queryRaw = (query) => queue(() => queryRaw(query));
  tx.executeRaw = (query) => queue(() => executeRaw(query));
  // Releasing the connection waits for the statements queued before it.
  tx.commit = () => queue(commit);
  tx.rollback = () => queue(rollback);
  return tx;
}

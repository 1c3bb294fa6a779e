/**
 * One line saying why something failed. Some errors carry no message: a connection refused on every
 * address of a host name is an AggregateError with an empty one, so its code or name is used.
 */
export function describeFailure(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; name?: unknown; errors?: unknown };
  const message = typeof e?.message === 'string' ? e.message.split('\n')[0]!.trim() : '';
  const inner = Array.isArray(e?.errors) ? (e.errors[0] as { message?: unknown } | undefined) : undefined;
  const text = message || (typeof inner?.message === 'string' ? inner.message : '') || (typeof e?.code === 'string' ? e.code : '') || (typeof e?.name === 'string' ? e.name : '') || 'failed';
  return text.slice(0, 300);
}

const UNREACHABLE = /can't reach database server|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|\bP1001\b|connection terminated|timeout exceeded when trying to connect/i;

/**
 * What a person starting the API should read when the database cannot be reached at start (a
 * stopped server, a wrong host or port in DATABASE_URL): one line naming the server, not a stack
 * trace from the migration engine. Null for any other failure (printed as it is).
 */
export function databaseUnreachableMessage(err: unknown, databaseUrl: string | undefined): string | null {
  const e = err as { code?: unknown; errorCode?: unknown };
  const said = describeFailure(err);
  const codes = [e?.code, e?.errorCode].filter((c): c is string => typeof c === 'string');
  if (!UNREACHABLE.test(said) && !codes.some((c) => UNREACHABLE.test(c))) return null;
  let where = 'the database in DATABASE_URL';
  try {
    const url = new URL(databaseUrl ?? '');
    where = `the database at ${url.hostname}${url.port ? `:${url.port}` : ''} (DATABASE_URL)`;
  } catch {
    // no usable URL: say so generically
  }
  return `Cannot reach ${where}: ${said}. Start PostgreSQL there or correct DATABASE_URL (npm start without DATABASE_URL runs an embedded one).`;
}

import { databaseUnreachableMessage, describeFailure } from './start-failure';

describe('start failures', () => {
  it('says in one line which database cannot be reached, without credentials or a stack', () => {
    const err = new Error("Can't reach database server at `127.0.0.1:1`\n\nPlease make sure your database server is running at `127.0.0.1:1`.");
    const line = databaseUnreachableMessage(err, 'postgresql://airlock:secret@127.0.0.1:1/airlock');
    expect(line).toBe("Cannot reach the database at 127.0.0.1:1 (DATABASE_URL): Can't reach database server at `127.0.0.1:1`. Start PostgreSQL there or correct DATABASE_URL (npm start without DATABASE_URL runs an embedded one).");
    expect(line).not.toContain('secret');
  });

  it('knows a refused connection by its code, even without a message', () => {
    const err = Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' });
    expect(describeFailure(err)).toBe('ECONNREFUSED');
    expect(databaseUnreachableMessage(err, 'not a url')).toMatch(/^Cannot reach the database in DATABASE_URL: ECONNREFUSED\./);
  });

  it('leaves other failures alone', () => {
    expect(databaseUnreachableMessage(new Error('relation "x" does not exist'), 'postgresql://h/db')).toBeNull();
  });
});

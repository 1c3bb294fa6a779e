import { RequestLog } from '../../apps/api/src/common/request-log';
import { captureLogLines } from '../support/log-capture';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

/** The default request log (AIRLOCK_REQUEST_LOG=auto): what a decision costs in log lines. */
describe('request log lines', () => {
  let t: TestApp;
  let lines: string[];
  const settle = () => new Promise((r) => setTimeout(r, 100));
  const parsed = (from: number) => lines.slice(from).map((l) => JSON.parse(l) as Record<string, any>);

  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_LOG_LEVEL: 'info', AIRLOCK_LOG_FORMAT: 'json' });
    lines = captureLogLines(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes no line for a decision answered, one for a refused one, and counts the rest in a summary', async () => {
    const from = lines.length;
    for (let i = 0; i < 20; i++) {
      const res = await t.decide({ action: 'prompt', destination: { provider: 'deepseek' }, content: { text: 'hello' } });
      expect(res.status).toBe(200);
    }
    const bad = await t.decide({ action: 'prompt' });
    expect(bad.status).toBe(400);
    await settle();
    const requestLines = parsed(from).filter((l) => l.req?.path === '/v1/decisions');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ msg: 'request completed', res: { statusCode: 400 }, reqId: bad.headers.get('x-request-id') });
    expect(typeof requestLines[0]!.responseTime).toBe('number');

    t.app.get(RequestLog).summarise();
    const summary = parsed(from).find((l) => typeof l.requests === 'number');
    expect(summary).toMatchObject({ requests: 20, routes: { '/v1/decisions': 20 }, seconds: 60 });
    expect(summary!.msg).toMatch(/20 requests answered without a line of their own/);
  });

  it('writes one line, not two, for a console request, with its path and status', async () => {
    const owner = await t.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const from = lines.length;
    const res = await owner.request('/api/auth/me');
    expect(res.status).toBe(200);
    await settle();
    const mine = parsed(from).filter((l) => l.reqId === res.headers.get('x-request-id'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ msg: 'request completed', req: { method: 'GET', path: '/api/auth/me' }, res: { statusCode: 200 } });
    expect(JSON.stringify(mine[0])).not.toMatch(/cookie|authorization/i);
  });
});

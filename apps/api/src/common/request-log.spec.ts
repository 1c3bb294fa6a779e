import { isMachineRoute, logsRequest, RequestCounts, SLOW_REQUEST_MS } from './request-log';

describe('request log (AIRLOCK_REQUEST_LOG)', () => {
  it('knows the machine routes by their prefix', () => {
    expect(isMachineRoute('/v1/decisions')).toBe(true);
    expect(isMachineRoute('/gateway/openai/v1/chat/completions')).toBe(true);
    expect(isMachineRoute('/api/providers')).toBe(false);
    expect(isMachineRoute('/v1')).toBe(false);
  });

  it('auto: a line for every console and admin request, and on machine routes only for failures and slow ones', () => {
    expect(logsRequest('auto', '/api/auth/me', 200, 3)).toBe(true);
    expect(logsRequest('auto', '/v1/decisions', 200, 3)).toBe(false);
    expect(logsRequest('auto', '/v1/decisions', 400, 3)).toBe(true);
    expect(logsRequest('auto', '/v1/decisions', 429, 1)).toBe(true);
    expect(logsRequest('auto', '/gateway/anthropic/v1/messages', 502, 1)).toBe(true);
    expect(logsRequest('auto', '/v1/decisions', 200, SLOW_REQUEST_MS)).toBe(true);
  });

  it('all, errors and off', () => {
    expect(logsRequest('all', '/v1/decisions', 200, 1)).toBe(true);
    expect(logsRequest('errors', '/api/auth/me', 200, 1)).toBe(false);
    expect(logsRequest('errors', '/api/auth/me', 404, 1)).toBe(true);
    expect(logsRequest('off', '/api/auth/me', 500, 5_000)).toBe(false);
  });

  it('counts the requests that had no line by API, without ids or query strings, and starts again after each summary', () => {
    const counts = new RequestCounts();
    expect(counts.take()).toBeNull();
    counts.add('/v1/decisions');
    counts.add('/v1/decisions/batch?x=1');
    counts.add('/v1/bundle');
    counts.add('/gateway/openai/v1/chat/completions');
    expect(counts.take()).toEqual({ requests: 4, routes: { '/v1/decisions': 2, '/v1/bundle': 1, '/gateway/openai': 1 } });
    expect(counts.take()).toBeNull();
  });

  it('cuts every shape of URL after its second segment or at its query string', () => {
    const counts = new RequestCounts();
    for (const url of ['/v1', '/v1?x=/a/b', '/v1/decisions?', '/', '', 'v1/a/b/c', '//x/y', '/a/b/c/d/e']) counts.add(url);
    expect(counts.take()?.routes).toEqual({ '/v1': 2, '/v1/decisions': 1, '/': 1, '': 1, 'v1/a/b': 1, '//x': 1, '/a/b': 1 });
  });
});

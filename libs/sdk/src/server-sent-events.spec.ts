import { parseServerSentEvent } from './client';

describe('parseServerSentEvent', () => {
  it('reads the event type and joins data lines', () => {
    expect(parseServerSentEvent('event: policy\nid: 7\ndata: {"policyVersion":7,\ndata: "etag":"x"}')).toEqual({ type: 'policy', data: '{"policyVersion":7,\n"etag":"x"}' });
  });
  it('ignores comments, unknown fields and a missing space after the colon', () => {
    expect(parseServerSentEvent(': keep-alive\nretry: 2000\nevent:end\ndata:{"reason":"shutdown"}')).toEqual({ type: 'end', data: '{"reason":"shutdown"}' });
  });
  it('defaults to a message event', () => {
    expect(parseServerSentEvent('data: hello\r\n')).toEqual({ type: 'message', data: 'hello' });
  });
});

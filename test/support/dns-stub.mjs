// A tiny authoritative DNS server on 127.0.0.1 (UDP, a random port) for the domain verification
// tests (API and browser): TXT answers from `txt` (name → strings; change it between lookups),
// NXDOMAIN for other names, and on request silence (a resolver timeout) or SERVFAIL.
import { createSocket } from 'node:dgram';
import dnsPacket from 'dns-packet';

export async function startDnsStub() {
  const socket = createSocket('udp4');
  const stub = { server: '', txt: new Map(), mode: 'answer', queries: [], close: () => new Promise((r) => socket.close(() => r())) };
  socket.on('message', (msg, rinfo) => {
    let query;
    try {
      query = dnsPacket.decode(msg);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    stub.queries.push(`${question.type} ${question.name}`);
    if (stub.mode === 'silent') return;
    const name = question.name.toLowerCase().replace(/\.$/, '');
    const records = stub.txt.get(name);
    // The response code is the flags' low four bits: NOERROR 0, SERVFAIL 2, NXDOMAIN 3.
    const rcode = stub.mode === 'servfail' ? 2 : records ? 0 : 3;
    const answers = stub.mode === 'answer' && records && question.type === 'TXT' ? records.map((data) => ({ type: 'TXT', name: question.name, ttl: 30, class: 'IN', data })) : [];
    const reply = dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) | dnsPacket.RECURSION_AVAILABLE | rcode,
      questions: [question],
      answers,
    });
    socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  stub.server = `127.0.0.1:${socket.address().port}`;
  return stub;
}

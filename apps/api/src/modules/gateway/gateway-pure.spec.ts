import fc from 'fast-check';
import { dropLogprobs, endedFields, fieldEvent, jsonForInspection, requestTexts, responseTexts, streamTexts, uninspectableInput } from './dialects';
import { LookbackScanner, MAX_HELD, maskPiece, type WindowVerdict } from './lookback';
import { blankLineAt, type SseEvent, SseParser } from './sse';
import { PlaceholderVault } from './vault';

describe('SseParser', () => {
  test('events split anywhere across chunks, CRLF, comments, multi-line data, named events', () => {
    const text = ': keep-alive\n\nevent: message_start\ndata: {"a":1}\n\ndata: line1\ndata: line2\r\n\r\ndata: [DONE]\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const p = new SseParser();
      const events = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut)), ...p.end()];
      expect(events.map((e) => [e.event, e.data])).toEqual([
        [null, ''],
        ['message_start', '{"a":1}'],
        [null, 'line1\nline2'],
        [null, '[DONE]'],
      ]);
    }
  });

  test('raw text is kept byte for byte; a multi-byte character split across chunks survives', () => {
    const p = new SseParser();
    const bytes = Buffer.from('data: {"t":"é€"}\n\n');
    const a = p.push(bytes.subarray(0, 13));
    const b = p.push(bytes.subarray(13));
    expect(a).toEqual([]);
    expect(b[0]!.raw).toBe('data: {"t":"é€"}\n\n');
    expect(JSON.parse(b[0]!.data)).toEqual({ t: 'é€' });
  });

  test('an event without its blank line at the end of the stream still counts', () => {
    const p = new SseParser();
    expect(p.push('data: x')).toEqual([]);
    expect(p.end().map((e) => e.data)).toEqual(['x']);
  });
});

describe('SseParser: blocks without data', () => {
  test('a comment-only block (a keep-alive such as OpenRouter\'s ": OPENROUTER PROCESSING") is returned with its raw text and no data, to be passed on', () => {
    const p = new SseParser();
    const events = p.push(': OPENROUTER PROCESSING\n\ndata: {"a":1}\n\nid: 7\n\n');
    expect(events.map((e) => [e.event, e.data, e.raw])).toEqual([
      [null, '', ': OPENROUTER PROCESSING\n\n'],
      [null, '{"a":1}', 'data: {"a":1}\n\n'],
      [null, '', 'id: 7\n\n'],
    ]);
  });
});

/**
 * The parser as it was before it scanned by index (a regular expression for the blank line, the
 * buffer cut at each event, the block split into lines): the reference the scanning parser must
 * match event for event, byte for byte.
 */
class RegexSseParser {
  private buffer = '';
  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    for (;;) {
      const m = /\r\n\r\n|\n\n|\r\r|\r\n\n|\n\r\n/.exec(this.buffer);
      if (!m) break;
      const raw = this.buffer.slice(0, m.index + m[0].length);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      out.push({ ...RegexSseParser.parse(raw.slice(0, m.index)), raw });
    }
    return out;
  }
  end(): SseEvent[] {
    const rest = this.buffer;
    this.buffer = '';
    if (!rest.trim()) return [];
    return [{ ...RegexSseParser.parse(rest), raw: rest.endsWith('\n\n') ? rest : `${rest.replace(/\n?$/, '\n')}\n` }];
  }
  private static parse(block: string): Omit<SseEvent, 'raw'> {
    let event: string | null = null;
    const data: string[] = [];
    for (const line of block.split(/\r\n|\n|\r/)) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return { event, data: data.join('\n') };
  }
}

const eventsOf = (parser: { push(c: string): SseEvent[]; end(): SseEvent[] }, chunks: string[]): SseEvent[] => [...chunks.flatMap((c) => parser.push(c)), ...parser.end()];

describe('SseParser: scanning by index, against the regular-expression parser', () => {
  const streams = [
    ': keep-alive\n\nevent: message_start\ndata: {"a":1}\n\ndata: line1\ndata: line2\r\n\r\ndata: [DONE]\n\n',
    'data: a\r\rdata: b\r\n\ndata: c\n\r\ndata: d\r\n\r\nevent: e\rdata:f\r\r',
    'data: x\r\r\ndata: y\n\r\r\n: c\r\n\r\nevent:\ndata\n\nretry: 5\nid: 1\n\n',
    'data:  two spaces\ndata:\ndata\nevent: a\nevent: b\ndata: z\n\n:only a comment\n\ndata: tail without end\r\n',
    'event: x\n\n\n\n\r\n\r\ndata: {"t":"é€ 😀"}\n\ndataX: no\ndata: yes\n\n',
  ];

  test('the same events for every stream cut in two at every position', () => {
    for (const text of streams)
      for (let cut = 0; cut <= text.length; cut++) {
        const chunks = [text.slice(0, cut), text.slice(cut)];
        expect(eventsOf(new SseParser(), chunks)).toEqual(eventsOf(new RegexSseParser(), chunks));
      }
  });

  test('the same events for every stream fed one character at a time, and in three pieces at every pair of positions', () => {
    for (const text of streams) {
      const chars = [...text];
      expect(eventsOf(new SseParser(), chars)).toEqual(eventsOf(new RegexSseParser(), chars));
      for (let a = 0; a < text.length; a += 3)
        for (let b = a; b <= text.length; b += 2) {
          const chunks = [text.slice(0, a), text.slice(a, b), text.slice(b)];
          expect(eventsOf(new SseParser(), chunks)).toEqual(eventsOf(new RegexSseParser(), chunks));
        }
    }
  });

  test('the same events for random streams of fields, comments and line ends, cut at random', () => {
    const piece = fc.constantFrom('data', 'data:', 'data: ', 'event: ', 'event:e', ':', ': c', 'id: 1', 'x', ' ', '{"a":1}', '\n', '\r', '\r\n', '\n\n', '\r\r', 'é', '€');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, cuts) => {
        const text = pieces.join('');
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
        const chunks = [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
        expect(eventsOf(new SseParser(), chunks)).toEqual(eventsOf(new RegexSseParser(), chunks));
      }),
      { numRuns: 2000 },
    );
  });

  test('bytes split inside a multi-byte character at every position give the same events as the text', () => {
    const text = 'data: {"t":"é€ 😀"}\r\n\r\ndata: ü\n\n';
    const bytes = Buffer.from(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const p = new SseParser();
      const events = [...p.push(bytes.subarray(0, cut)), ...p.push(bytes.subarray(cut)), ...p.end()];
      expect(events).toEqual(eventsOf(new RegexSseParser(), [text]));
    }
  });

  test('events are added to the array given', () => {
    const out: SseEvent[] = [];
    const p = new SseParser();
    p.push('data: 1\n\nda', out);
    p.push('ta: 2\n\n', out);
    expect(out.map((e) => e.data)).toEqual(['1', '2']);
  });

  test('blankLineAt finds what the regular expression finds, from any position', () => {
    const re = /\r\n\r\n|\n\n|\r\r|\r\n\n|\n\r\n/g;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('\n', '\r', 'a', ':'), { maxLength: 24 }), fc.nat(), (parts, n) => {
        const text = parts.join('');
        const from = n % (text.length + 1);
        re.lastIndex = from;
        const m = re.exec(text);
        expect(blankLineAt(text, from)).toBe(m ? m.index : -1);
      }),
      { numRuns: 3000 },
    );
  });

  test('an event larger than the limit is refused, also when it arrives in pieces', () => {
    const p = new SseParser();
    const big = `data: ${'x'.repeat(1024 * 1024)}`;
    for (let i = 0; i < 3; i++) expect(p.push(big)).toEqual([]);
    // 4 MiB and 24 characters without a blank line
    expect(() => p.push(big)).toThrow(/larger than/);
    // the same size ended by its blank line in the same piece is an event
    const q = new SseParser();
    for (let i = 0; i < 3; i++) q.push(big);
    expect(q.push(`${big}\n\n`)).toHaveLength(1);
  });
});

describe('PlaceholderVault', () => {
  const vault = new PlaceholderVault();
  vault.set('[EMAIL_1]', 'dana@example.com');
  vault.set('[PHONE_12]', '+44 20 7946 0000');

  test('restores known placeholders and leaves unknown ones and ordinary brackets alone', () => {
    expect(vault.restore('To [EMAIL_1], call [PHONE_12]; [EMAIL_2] and [link](x) stay')).toBe('To dana@example.com, call +44 20 7946 0000; [EMAIL_2] and [link](x) stay');
  });

  test('a placeholder split across pieces at every position is restored, nothing else is held', () => {
    const text = 'Hi [EMAIL_1], see [a] and [PHONE_12].';
    for (let cut = 1; cut < text.length; cut++) {
      for (let cut2 = cut; cut2 < text.length; cut2++) {
        const r = vault.stream();
        const out = r.push(text.slice(0, cut)) + r.push(text.slice(cut, cut2)) + r.push(text.slice(cut2)) + r.flush();
        expect(out).toBe('Hi dana@example.com, see [a] and +44 20 7946 0000.');
      }
    }
  });

  test('an empty vault passes pieces through untouched', () => {
    const r = new PlaceholderVault().stream();
    expect(r.push('[EMA')).toBe('[EMA');
  });
});

describe('LookbackScanner', () => {
  const SECRET = 'ghp_1234567890abcdefghijklmnopqrstuvwxyz';
  // A stand-in inspection: finds SECRET (block) and the word "dana@x.io" (redact).
  const inspect = (w: string): WindowVerdict => {
    if (w.includes(SECRET)) return { effect: 'block', findings: [], reason: 'credential' };
    const i = w.indexOf('dana@x.io');
    if (i >= 0) return { effect: 'redact', findings: [{ start: i, end: i + 9, dataClass: 'personal_data', detector: 'email' }], redactedClasses: ['personal_data'] };
    return { effect: 'allow', findings: [] };
  };

  test('a secret split across two pieces (at every position) blocks the piece that completes it', () => {
    for (let cut = 1; cut < SECRET.length; cut++) {
      const s = new LookbackScanner(inspect, 64);
      expect(s.push(`token: ${SECRET.slice(0, cut)}`).blocked).toBe(false);
      const r = s.push(`${SECRET.slice(cut)} end`);
      expect(r.blocked).toBe(true);
      expect(r.text).toBe('');
    }
  });

  test('beyond the window, earlier text is no longer considered', () => {
    const s = new LookbackScanner(inspect, 8);
    s.push(SECRET.slice(0, 20));
    s.push('x'.repeat(50));
    expect(s.push(SECRET.slice(20)).blocked).toBe(false);
  });

  test('redact masks only the part of a finding that is in the new piece', () => {
    const s = new LookbackScanner(inspect, 64);
    expect(s.push('mail da').text).toBe('mail da');
    // followed by a word only, the value may go on: held until punctuation (or the field's end)
    expect(s.push('na@x.io now').text).toBe('');
    expect(s.push(', then').text).toBe('[PERSONAL_DATA_REDACTED] now, then');
    expect(s.worst).toBe('redact');
  });

  test('take decides the pieces of one read with one inspection: each piece as to be sent, masked where they make a value; null when they block', () => {
    let calls = 0;
    const s = new LookbackScanner((w) => (calls++, inspect(w)), 64);
    s.push('abc ');
    expect(s.take([SECRET.slice(0, 10), SECRET.slice(10)])).toBeNull();
    expect(s.take(['hello ', 'there'])).toEqual({ effect: 'allow', texts: ['hello ', 'there'] });
    expect(calls).toBe(3);
    // a value across three pieces: its label in the piece where it starts, nothing of it in the others
    expect(s.take([' mail da', 'na@x', '.io, ok'])).toEqual({ effect: 'redact', texts: [' mail [PERSONAL_DATA_REDACTED]', '', ', ok'] });
    expect(s.text()).toBe('abc hello there mail [PERSONAL_DATA_REDACTED], ok');
    expect(s.worst).toBe('redact');
    // the taken pieces are in the look-back: a value they start is still caught
    s.take(['x ', SECRET.slice(0, 20)]);
    expect(s.push(SECRET.slice(20)).blocked).toBe(true);
  });

  describe('a value to be masked that reaches the end of what arrived is held back', () => {
    // A stand-in name detector ("Frida", not "Friday") and an e-mail one that grows with its text.
    const names = (w: string): WindowVerdict => {
      const findings = [...w.matchAll(/\bFrida(?: Lindqvist)?\b|\bdana@[a-z.]+|\+44 20 7946(?: \d{4})?/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, dataClass: 'personal_data', detector: 'x' }));
      return findings.length ? { effect: 'redact', findings, redactedClasses: ['personal_data'] } : { effect: 'allow', findings: [] };
    };

    test('a word cut by the piece boundary is not masked for what its first part reads like', () => {
      const s = new LookbackScanner(names, 64);
      expect(s.push('Send it before Frida').text).toBe('Send it before ');
      expect(s.holding).toBe(true);
      expect(s.text()).toBe('Send it before Frida');
      expect(s.push('y, please.').text).toBe('Friday, please.');
      expect(s.holding).toBe(false);
    });

    test('a value completed by the next piece is masked whole; at the end of the field what is held is decided as it is', () => {
      const s = new LookbackScanner(names, 64);
      const out = [s.push('mail dana@x.'), s.push('io to Frida'), s.flush()].map((r) => r.text).join('');
      expect(out).toBe('mail [PERSONAL_DATA_REDACTED] to [PERSONAL_DATA_REDACTED]');
      expect(s.holding).toBe(false);
      expect(s.text()).toBe(out);
    });

    test('split at every position of the text, the same text comes out', () => {
      const text = 'Ask Frida about Friday; mail dana@x.io.';
      const whole = new LookbackScanner(names, 64);
      const expected = whole.push(text).text + whole.flush().text;
      expect(expected).toBe('Ask [PERSONAL_DATA_REDACTED] about Friday; mail [PERSONAL_DATA_REDACTED]');
      // Cut before a value reads as one ("Fri|da", "dan|a@x.io"), its first part has gone out
      // unmasked: the rest is masked when it arrives (the limit of any stream that does not hold
      // back every word). Cut anywhere else, the text is the same as in one piece.
      const label = '[PERSONAL_DATA_REDACTED]';
      const frida = text.indexOf('Frida');
      const dana = text.indexOf('dana@');
      for (let cut = 1; cut < text.length; cut++) {
        const s = new LookbackScanner(names, 64);
        const out = s.push(text.slice(0, cut)).text + s.push(text.slice(cut)).text + s.flush().text;
        if (cut > frida && cut <= frida + 4) expect(out).toBe(`Ask ${text.slice(frida, cut)}${label} about Friday; mail ${label}`);
        else if (cut > dana && cut <= dana + 5) expect(out).toBe(`Ask ${label} about Friday; mail ${text.slice(dana, cut)}${label}`);
        else expect(out).toBe(expected);
      }
    });

    test('a value followed only by a few word characters may go on: held too ("Frida L" of "Frida Lindqvist", a number\'s next group)', () => {
      const s = new LookbackScanner(names, 64);
      expect(s.push('Please call Frida L').text).toBe('Please call ');
      expect(s.push('indqvist today.').text).toBe('[PERSONAL_DATA_REDACTED] today.');
      expect(s.push(' Or +44 20 7946 ').text).toBe(' Or ');
      expect(s.push('0958, any time.').text).toBe('[PERSONAL_DATA_REDACTED], any time.');
      // a line break ends what may go on
      expect(s.push(' Bye, Frida\n').text).toBe(' Bye, [PERSONAL_DATA_REDACTED]\n');
    });

    test('pieces taken together carry what was held before them, and hold back what is open at their end', () => {
      const s = new LookbackScanner(names, 64);
      s.push('to Frida');
      expect(s.take(['y and ', 'ask Frida'])).toEqual({ effect: 'redact', texts: ['Friday and ', 'ask '] });
      expect(s.holding).toBe(true);
      expect(s.take([' Lindqvist', ', then'])).toEqual({ effect: 'redact', texts: ['[PERSONAL_DATA_REDACTED]', ', then'] });
    });

    test('split into pieces taken together at every position, the same text comes out as pushed whole', () => {
      const text = 'Ask Frida Lindqvist about Friday; mail dana@x.io or +44 20 7946 0958, soon.';
      const whole = new LookbackScanner(names, 64);
      const expected = whole.push(text).text + whole.flush().text;
      for (let a = 1; a < text.length - 1; a++)
        for (let b = a + 1; b < text.length; b += 3) {
          const s = new LookbackScanner(names, 64);
          const t = s.take([text.slice(0, a), text.slice(a, b), text.slice(b)])!;
          expect(t.texts.join('') + s.flush().text).toBe(expected);
        }
    });

    test(`no more than ${MAX_HELD} characters are held: a longer open value is masked as it arrives`, () => {
      const s = new LookbackScanner(names, 1024);
      const r = s.push(`dana@${'x'.repeat(MAX_HELD + 10)}`);
      expect(r.text).toBe('[PERSONAL_DATA_REDACTED]');
      expect(s.holding).toBe(false);
    });
  });

  test('maskPiece merges overlapping findings', () => {
    const v: WindowVerdict = { effect: 'redact', findings: [{ start: 0, end: 5, dataClass: 'a', detector: 'x' }, { start: 3, end: 8, dataClass: 'a', detector: 'y' }] };
    expect(maskPiece('0123456789', 0, v)).toBe('[A_REDACTED]89');
  });
});

describe('streamed fields: which an event ends, and the event that releases held text', () => {
  test('chat: a finish_reason ends that choice (content and tool calls), not the others', () => {
    const ended = endedFields('chat', null, { choices: [{ index: 1, delta: {}, finish_reason: 'stop' }] });
    expect(ended).not.toBeNull();
    const f = ended as (k: string) => boolean;
    expect([f('c1'), f('c1t0'), f('c1t12'), f('c0'), f('c10'), f('c10t1')]).toEqual([true, true, true, false, false, false]);
    const piece = endedFields('chat', null, { choices: [{ index: 0, delta: { content: 'x' }, finish_reason: null }] }) as (k: string) => boolean;
    expect([piece('c0'), piece('c0t0')]).toEqual([false, false]);
    expect(endedFields('chat', null, { choices: [{ index: 0, delta: {}, finish_reason: null }] })).toBeNull();
  });

  test('chat: an empty finish_reason (sent on every chunk by some servers) ends nothing; a reason ends the choice\'s reasoning and refusal too', () => {
    expect(endedFields('chat', null, { choices: [{ index: 0, delta: {}, finish_reason: '' }] })).toBeNull();
    expect((endedFields('chat', null, { choices: [{ index: 0, delta: { content: 'x' }, finish_reason: '' }] }) as (k: string) => boolean)('c0')).toBe(false);
    const f = endedFields('chat', null, { choices: [{ index: 2, delta: {}, finish_reason: 'length' }] }) as (k: string) => boolean;
    expect([f('c2'), f('c2r'), f('c2f'), f('c2t1'), f('c20'), f('c20r'), f('c2x')]).toEqual([true, true, true, true, false, false, false]);
    expect(endedFields('chat', null, { error: { message: 'overloaded' } })).toBe('all');
    // the answer begins: the reasoning before it is over, not the content
    const answer = endedFields('chat', null, { choices: [{ index: 0, delta: { content: 'Here' }, finish_reason: null }] }) as (k: string) => boolean;
    expect([answer('c0r'), answer('c0R'), answer('c0d1'), answer('c0'), answer('c0t0'), answer('c1r')]).toEqual([true, true, true, false, false, false]);
  });

  test('chat: a choice\'s key for any index (the usual ones made once), its fields keyed after it, set through the key\'s text', () => {
    const data = { choices: [{ index: 70, delta: { content: 'a', refusal: 'b', tool_calls: [{ index: 2, function: { arguments: '{}' } }] } }, { index: '3', delta: { content: 'c', audio: { transcript: 'd' } } }, { delta: { content: 'e', function_call: { arguments: 'f' } } }] };
    const { deltas } = streamTexts('chat', null, data);
    expect(deltas.map((d) => [d.key, d.get(), d.json ?? false])).toEqual([
      ['c70', 'a', false],
      ['c70f', 'b', false],
      ['c70t2', '{}', true],
      ['c3', 'c', false],
      ['c3a', 'd', false],
      ['c0', 'e', false],
      ['c0F', 'f', true],
    ]);
    deltas[0]!.set('A');
    deltas[4]!.set('D');
    expect(data.choices[0]!.delta.content).toBe('A');
    expect(data.choices[1]!.delta.audio!.transcript).toBe('D');
    // an ending event's fields for the same keys; several choices in one event
    const ends = endedFields('chat', null, { choices: [{ index: 70, delta: {}, finish_reason: 'stop' }, { index: 3, delta: { content: 'x', audio: { transcript: 'y', expires_at: 1 } } }] }) as (k: string) => boolean;
    expect([ends('c70'), ends('c70t2'), ends('c3a'), ends('c3r'), ends('c3'), ends('c7')]).toEqual([true, true, true, true, false, false]);
    // embeddings input and tool-call arguments given as objects: elements and leaves of arrays
    const input = ['x', 'y'];
    const refs = requestTexts('embeddings', { input });
    refs[1]!.set('Y');
    expect(input).toEqual(['x', 'Y']);
    const args = { list: ['p', { q: 'r' }] };
    const leaves = requestTexts('chat', { messages: [{ role: 'assistant', tool_calls: [{ function: { arguments: args } }] }] });
    expect(leaves.map((t) => t.get())).toEqual(['p', 'r']);
    leaves[0]!.set('P');
    expect(args.list[0]).toBe('P');
  });

  test("chat and Responses: the model's reasoning and refusals are texts of the answer, streamed and whole", () => {
    const chat = streamTexts('chat', null, { choices: [{ index: 1, delta: { reasoning_content: 'think', refusal: 'no', content: 'yes' } }] });
    expect(chat.deltas.map((d) => [d.key, d.get()])).toEqual([['c1', 'yes'], ['c1f', 'no'], ['c1r', 'think']]);
    // every copy of the reasoning, each its own field
    const copies = streamTexts('chat', null, { choices: [{ index: 0, delta: { reasoning_content: 'a', reasoning: 'a', reasoning_details: [{ type: 'reasoning.text', text: 'a', index: 0 }] } }] });
    expect(copies.deltas.map((d) => d.key)).toEqual(['c0r', 'c0R', 'c0d0']);
    expect(fieldEvent('chat', { id: 'c', choices: [{ index: 0, delta: { reasoning: 'x' } }] }, 'c0R', 'held')).toEqual({ id: 'c', choices: [{ index: 0, delta: { reasoning: 'held' }, finish_reason: null }] });
    expect(fieldEvent('chat', { id: 'c', choices: [] }, 'c2d1', 'held')).toEqual({ id: 'c', choices: [{ index: 2, delta: { reasoning_details: [{ type: 'reasoning.text', text: 'held', index: 1 }] }, finish_reason: null }] });
    expect(responseTexts('chat', { choices: [{ message: { content: 'a', refusal: 'b', reasoning_content: 'c', reasoning: 'd', function_call: { arguments: 'e' } } }] }).map((t) => t.get())).toEqual(['a', 'b', 'c', 'd', 'e']);
    // sent back in the next turn, they are decided as a prompt like the rest of the conversation
    const back = requestTexts('chat', { messages: [{ role: 'assistant', content: 'x', reasoning_content: 'why', refusal: 'no' }] });
    expect(back.map((t) => t.get())).toEqual(['x', 'no', 'why']);
    const items = requestTexts('responses', { input: [{ type: 'reasoning', summary: [{ type: 'summary_text', text: 'why' }] }, { role: 'assistant', content: [{ type: 'refusal', refusal: 'no' }] }] });
    expect(items.map((t) => t.get())).toEqual(['why', 'no']);
    expect(requestTexts('responses', { input: [{ type: 'custom_tool_call', input: 'raw' }, { type: 'custom_tool_call_output', output: 'result' }] }).map((t) => t.get())).toEqual(['raw', 'result']);
    const summary = streamTexts('responses', null, { type: 'response.reasoning_summary_text.delta', output_index: 0, summary_index: 2, delta: 'plan' });
    expect(summary.deltas.map((d) => [d.key, d.get()])).toEqual([['o0.s2', 'plan']]);
    const done = endedFields('responses', null, { type: 'response.reasoning_summary_text.done', output_index: 0, summary_index: 2, text: 'plan' }) as (k: string) => boolean;
    expect([done('o0.s2'), done('o0.s1'), done('o0.2')]).toEqual([true, false, false]);
    // MCP and custom tool calls' arguments are texts of the answer too, their .done events end them
    const mcp = streamTexts('responses', null, { type: 'response.mcp_call_arguments.delta', output_index: 3, delta: '{"to":' });
    expect(mcp.deltas.map((d) => [d.key, d.get()])).toEqual([['o3.0', '{"to":']]);
    expect(streamTexts('responses', null, { type: 'response.custom_tool_call_input.delta', output_index: 4, delta: 'x' }).deltas.map((d) => d.key)).toEqual(['o4.0']);
    expect((endedFields('responses', null, { type: 'response.custom_tool_call_input.done', output_index: 4, input: 'x' }) as (k: string) => boolean)('o4.0')).toBe(true);
    expect(responseTexts('responses', { output: [{ type: 'custom_tool_call', input: 'raw' }] }).map((t) => t.get())).toEqual(['raw']);
    expect(streamTexts('responses', null, { type: 'response.failed', response: { output: [{ type: 'message', content: [{ type: 'output_text', text: 'partial' }] }] } }).wholes.map((t) => t.get())).toEqual(['partial']);
    const item = { type: 'reasoning', summary: [{ type: 'summary_text', text: 'why' }] };
    const message = { type: 'message', content: [{ type: 'refusal', refusal: 'cannot' }] };
    expect(responseTexts('responses', { output: [item, message] }).map((t) => t.get())).toEqual(['why', 'cannot']);
  });

  test('documents, search results and citations (Anthropic), tool outputs as parts and prompt variables (Responses) are texts of a request', () => {
    const anthropic = requestTexts('messages', {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'document', title: 'Contract', context: 'from Ana', source: { type: 'text', media_type: 'text/plain', data: 'the document' } },
            { type: 'document', source: { type: 'content', content: [{ type: 'text', text: 'a chunk' }] } },
            { type: 'search_result', title: 'Wiki', source: 'https://x', content: [{ type: 'text', text: 'a result' }] },
            { type: 'tool_result', tool_use_id: 't', content: [{ type: 'document', source: { type: 'text', data: 'nested' } }] },
            { type: 'image', source: { type: 'base64', data: 'iVBOR' } },
          ],
        },
        { role: 'assistant', content: [{ type: 'text', text: 'As it says', citations: [{ type: 'char_location', cited_text: 'the quote', document_title: 'Contract' }] }] },
      ],
    });
    expect(anthropic.map((t) => t.get())).toEqual(['Contract', 'from Ana', 'the document', 'a chunk', 'Wiki', 'a result', 'nested', 'As it says', 'the quote', 'Contract']);
    const responses = requestTexts('responses', { prompt: { id: 'p', variables: { name: 'Ana', note: { type: 'input_text', text: 'a note' } } }, input: [{ type: 'function_call_output', call_id: 'c', output: [{ type: 'input_text', text: 'rows' }] }] });
    expect(responses.map((t) => t.get())).toEqual(['Ana', 'a note', 'rows']);
  });

  test("answers: a spoken answer's transcript, MCP call output, code interpreter code and logs, legacy function_call pieces, citations streamed", () => {
    expect(responseTexts('chat', { choices: [{ message: { content: null, audio: { id: 'a', data: 'UklG', transcript: 'spoken' } } }] }).map((t) => t.get())).toEqual(['spoken']);
    const spoken = streamTexts('chat', null, { choices: [{ index: 0, delta: { audio: { transcript: 'Hel' } } }] });
    expect(spoken.deltas.map((d) => [d.key, d.get()])).toEqual([['c0a', 'Hel']]);
    const expiry = endedFields('chat', null, { choices: [{ index: 0, delta: { audio: { id: 'a', expires_at: 1 } }, finish_reason: null }] }) as (k: string) => boolean;
    expect([expiry('c0a'), expiry('c0')]).toEqual([true, false]);
    expect(fieldEvent('chat', { id: 'c', choices: [] }, 'c0a', 'held')).toEqual({ id: 'c', choices: [{ index: 0, delta: { audio: { transcript: 'held' } }, finish_reason: null }] });
    expect(streamTexts('chat', null, { choices: [{ index: 1, delta: { function_call: { arguments: '{"a"' } } }] }).deltas.map((d) => d.key)).toEqual(['c1F']);
    const items = responseTexts('responses', { output: [{ type: 'mcp_call', arguments: '{}', output: 'the result' }, { type: 'code_interpreter_call', code: 'print(1)', outputs: [{ type: 'logs', logs: '1' }] }] });
    expect(items.map((t) => t.get())).toEqual(['{}', 'the result', 'print(1)', '1']);
    expect(streamTexts('responses', null, { type: 'response.code_interpreter_call_code.delta', output_index: 2, delta: 'pri' }).deltas.map((d) => d.key)).toEqual(['o2.0']);
    expect(streamTexts('responses', null, { type: 'response.output_item.added', item: { type: 'mcp_approval_request', arguments: '{"to":"x"}' } }).wholes.map((t) => t.get())).toEqual(['{"to":"x"}']);
    const cite = streamTexts('messages', 'content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'citations_delta', citation: { type: 'char_location', cited_text: 'quoted', document_title: 'Doc' } } });
    expect(cite.wholes.map((t) => t.get())).toEqual(['quoted', 'Doc']);
  });

  test('dropLogprobs empties the token log probabilities where the APIs put them, and nothing else named so', () => {
    const chat = { choices: [{ index: 0, delta: { content: 'x', tool_calls: [{ function: { arguments: '{"logprobs":1}' } }] }, logprobs: { content: [{ token: 'Frida', logprob: -1 }] } }] };
    dropLogprobs('chat', chat);
    expect(chat.choices[0]!.logprobs).toBeNull();
    const event = { type: 'response.output_text.done', text: 'x', logprobs: [{ token: 'Frida' }] };
    dropLogprobs('responses', event);
    expect(event.logprobs).toEqual([]);
    const answer = { output: [{ type: 'message', content: [{ type: 'output_text', text: 'x', logprobs: [{ token: 'Frida' }] }] }], tools: [{ parameters: { properties: { logprobs: { type: 'array' } } } }], metadata: { logprobs: 'keep' } };
    dropLogprobs('responses', answer);
    expect(answer.output[0]!.content[0]!.logprobs).toEqual([]);
    expect([answer.tools[0]!.parameters.properties.logprobs, answer.metadata.logprobs]).toEqual([{ type: 'array' }, 'keep']);
    const message = { content: [{ type: 'tool_use', input: { logprobs: [1, 2] } }] };
    dropLogprobs('messages', message);
    expect(message.content[0]!.input.logprobs).toEqual([1, 2]);
  });

  test("OpenRouter's reasoning details: text and summary entries are read, a signed entry is left as it came", () => {
    const delta = { reasoning_details: [{ type: 'reasoning.summary', summary: 'sum', index: 0 }, { type: 'reasoning.text', text: 'signed', signature: 'abc', index: 1 }, { type: 'reasoning.text', text: 'plain', index: 2 }] };
    expect(streamTexts('chat', null, { choices: [{ index: 0, delta }] }).deltas.map((d) => [d.key, d.get()])).toEqual([['c0s0', 'sum'], ['c0d2', 'plain']]);
    expect(fieldEvent('chat', { id: 'c', choices: [] }, 'c0s0', 'held')).toEqual({ id: 'c', choices: [{ index: 0, delta: { reasoning_details: [{ type: 'reasoning.summary', summary: 'held', index: 0 }] }, finish_reason: null }] });
    // a legacy function call begins the answer too: the reasoning before it is over
    const call = endedFields('chat', null, { choices: [{ index: 0, delta: { function_call: { name: 'f' } }, finish_reason: null }] }) as (k: string) => boolean;
    expect([call('c0r'), call('c0s0'), call('c0F')]).toEqual([true, true, false]);
  });

  test('Responses and Anthropic: done events end their part, the end of the answer ends all', () => {
    const done = endedFields('responses', 'response.output_text.done', { type: 'response.output_text.done', output_index: 1, content_index: 0, text: 'x' }) as (k: string) => boolean;
    expect([done('o1.0'), done('o0.0'), done('o1.1')]).toEqual([true, false, false]);
    expect(endedFields('responses', null, { type: 'response.completed', response: {} })).toBe('all');
    const stop = endedFields('messages', 'content_block_stop', { type: 'content_block_stop', index: 2 }) as (k: string) => boolean;
    expect([stop('b2'), stop('b1')]).toEqual([true, false]);
    expect(endedFields('messages', 'message_stop', { type: 'message_stop' })).toBe('all');
  });

  test("Responses items with text of their own are read the same way in an answer and sent back: shell commands, environment and output, a patch's diff, typed text, search queries and results, code and its result, citation titles", () => {
    const items = [
      { type: 'local_shell_call', call_id: 'l', action: { type: 'exec', command: ['psql', '-c', 'select 1'], env: { PGPASSWORD: 'pw1' }, working_directory: '/home/ana' } },
      { type: 'local_shell_call_output', id: 'l', output: 'one row' },
      { type: 'shell_call', call_id: 's', action: { commands: ['cat .env'], max_output_length: null, timeout_ms: null } },
      { type: 'shell_call_output', call_id: 's', output: [{ stdout: 'KEY=1', stderr: 'warn', outcome: { type: 'exit', exit_code: 0 } }] },
      { type: 'apply_patch_call', call_id: 'p', operation: { type: 'update_file', path: 'a.ts', diff: '+const to = 1;' } },
      { type: 'apply_patch_call_output', call_id: 'p', output: 'applied' },
      { type: 'computer_call', call_id: 'c', action: { type: 'type', text: 'typed' }, actions: [{ type: 'click', x: 1, y: 2 }, { type: 'type', text: 'batched' }], pending_safety_checks: [] },
      { type: 'computer_call_output', call_id: 'c', output: { type: 'computer_screenshot', image_url: 'data:image/png;base64,iVBOR' } },
      { type: 'web_search_call', action: { type: 'search', query: 'q1', queries: ['q2'] } },
      { type: 'web_search_call', action: { type: 'find_in_page', pattern: 'q3', url: 'https://example.com' } },
      { type: 'file_search_call', queries: ['q4'], results: [{ file_id: 'f', text: 'found' }] },
      { type: 'program', call_id: 'g', code: 'run()', fingerprint: 'x' },
      { type: 'program_output', call_id: 'g', result: 'done', status: 'completed' },
      { type: 'tool_search_call', call_id: 't', arguments: { query: 'q5' }, execution: 'client' },
      { type: 'mcp_call', arguments: '{}', error: 'failed for ana' },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'See', annotations: [{ type: 'url_citation', title: 'A page', url: 'https://example.com', start_index: 0, end_index: 3 }] }] },
      // not text: an image generation's result (base64) and encrypted reasoning
      { type: 'image_generation_call', result: 'iVBORw0KGgo', status: 'completed' },
      { type: 'reasoning', summary: [], encrypted_content: 'gAAAA' },
    ];
    const expected = ['psql', '-c', 'select 1', 'pw1', '/home/ana', 'one row', 'cat .env', 'KEY=1', 'warn', '+const to = 1;', 'applied', 'typed', 'batched', 'q1', 'q2', 'q3', 'q4', 'found', 'run()', 'done', 'q5', '{}', 'failed for ana', 'See', 'A page'];
    expect(requestTexts('responses', { input: structuredClone(items) }).map((t) => t.get())).toEqual(expected);
    expect(responseTexts('responses', { output: structuredClone(items) }).map((t) => t.get())).toEqual(expected);
    // masked where they are, in place
    const body = { input: structuredClone(items) };
    for (const t of requestTexts('responses', body)) t.set(t.get().toUpperCase());
    expect(body.input[1]).toEqual({ type: 'local_shell_call_output', id: 'l', output: 'ONE ROW' });
    expect((body.input[0] as any).action.env).toEqual({ PGPASSWORD: 'PW1' });
    expect((body.input[3] as any).output[0]).toEqual({ stdout: 'KEY=1', stderr: 'WARN', outcome: { type: 'exit', exit_code: 0 } });
    // streamed: an item arrives whole in its output_item events, a citation in its own event
    expect(streamTexts('responses', null, { type: 'response.output_item.done', output_index: 0, item: items[3] }).wholes.map((t) => t.get())).toEqual(['KEY=1', 'warn']);
    expect(streamTexts('responses', null, { type: 'response.output_text.annotation.added', annotation: { type: 'url_citation', title: 'A page' } }).wholes.map((t) => t.get())).toEqual(['A page']);
  });

  test("Responses: the instructions an answer echoes are read (to restore what was masked in them); a part added with text is read", () => {
    expect(responseTexts('responses', { instructions: 'Write to [EMAIL_1].', output: [] }).map((t) => t.get())).toEqual(['Write to [EMAIL_1].']);
    expect(responseTexts('responses', { instructions: [{ role: 'developer', content: 'Be brief.' }], output: [] }).map((t) => t.get())).toEqual(['Be brief.']);
    expect(streamTexts('responses', null, { type: 'response.content_part.added', output_index: 0, content_index: 0, part: { type: 'output_text', text: '' } }).wholes).toEqual([]);
    expect(streamTexts('responses', null, { type: 'response.content_part.added', output_index: 0, content_index: 0, part: { type: 'output_text', text: 'Hi' } }).wholes.map((t) => t.get())).toEqual(['Hi']);
  });

  test('chat content as parts (servers other than OpenAI, Mistral): text parts are the answer, a thinking part is reasoning, in answers, requests and streams', () => {
    const message = { role: 'assistant', content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'why' }] }, { type: 'text', text: 'answer' }] };
    expect(responseTexts('chat', { choices: [{ index: 0, message }] }).map((t) => t.get())).toEqual(['why', 'answer']);
    expect(requestTexts('chat', { messages: [message] }).map((t) => t.get())).toEqual(['why', 'answer']);
    const thinking = { choices: [{ index: 1, delta: { content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'hm' }] }] }, finish_reason: null }] };
    expect(streamTexts('chat', null, thinking).deltas.map((d) => [d.key, d.get()])).toEqual([['c1T', 'hm']]);
    // thinking is not the answer beginning; a text part is, and ends the reasoning
    expect(endedFields('chat', null, thinking)).toBeNull();
    const text = { choices: [{ index: 1, delta: { content: [{ type: 'text', text: 'ok' }] }, finish_reason: null }] };
    expect(streamTexts('chat', null, text).deltas.map((d) => [d.key, d.get()])).toEqual([['c1', 'ok']]);
    const answering = endedFields('chat', null, text) as (k: string) => boolean;
    expect([answering('c1T'), answering('c1')]).toEqual([true, false]);
    // held thinking goes out as a thinking part, found again under its key
    const held = fieldEvent('chat', { id: 'c', choices: [] }, 'c1T', 'held');
    expect(held).toEqual({ id: 'c', choices: [{ index: 1, delta: { content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'held' }] }] }, finish_reason: null }] });
    expect(streamTexts('chat', null, held).deltas.map((d) => [d.key, d.get()])).toEqual([['c1T', 'held']]);
  });

  test('fieldEvent carries the text for one field alone, found again by streamTexts under the same key', () => {
    const chat = fieldEvent('chat', { id: 'c', model: 'm', choices: [{ index: 0, delta: { content: 'a' } }, { index: 3, delta: { content: 'b' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1 } }, 'c3', 'held');
    expect(chat).toEqual({ id: 'c', model: 'm', choices: [{ index: 3, delta: { content: 'held' }, finish_reason: null }] });
    const tool = fieldEvent('chat', { id: 'c', choices: [] }, 'c0t2', '{"to":');
    expect(streamTexts('chat', null, tool).deltas.map((d) => [d.key, d.get()])).toEqual([['c0t2', '{"to":']]);
    const msg = fieldEvent('messages', { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: 'x' } }, 'b1', 'held');
    expect(streamTexts('messages', 'content_block_delta', msg).deltas.map((d) => [d.key, d.get()])).toEqual([['b1', 'held']]);
    const resp = fieldEvent('responses', { type: 'response.output_text.delta', output_index: 0, content_index: 0, delta: 'x' }, 'o0.0', 'held');
    expect(streamTexts('responses', null, resp).deltas.map((d) => [d.key, d.get()])).toEqual([['o0.0', 'held']]);
  });

  test("Anthropic server tools' results are texts of an answer, streamed whole, and of the request that sends them back: stdout and stderr, a file viewed or edited, a fetched page, result titles; encrypted output, a PDF and errors are not", () => {
    const blocks = [
      { type: 'bash_code_execution_tool_result', tool_use_id: 'a', content: { type: 'bash_code_execution_result', stdout: 'KEY=1', stderr: 'warn', return_code: 0, content: [] } },
      { type: 'code_execution_tool_result', tool_use_id: 'b', content: { type: 'code_execution_result', stdout: 'out', stderr: '', return_code: 0, content: [{ type: 'code_execution_output', file_id: 'f' }] } },
      { type: 'code_execution_tool_result', tool_use_id: 'c', content: { type: 'encrypted_code_execution_result', encrypted_stdout: 'EnCr', stderr: 'err', return_code: 1, content: [] } },
      { type: 'text_editor_code_execution_tool_result', tool_use_id: 'd', content: { type: 'text_editor_code_execution_view_result', file_type: 'text', content: 'the file' } },
      { type: 'text_editor_code_execution_tool_result', tool_use_id: 'e', content: { type: 'text_editor_code_execution_view_result', file_type: 'pdf', content: 'JVBERi0' } },
      { type: 'text_editor_code_execution_tool_result', tool_use_id: 'g', content: { type: 'text_editor_code_execution_str_replace_result', lines: ['- old', '+ new'] } },
      { type: 'web_fetch_tool_result', tool_use_id: 'h', content: { type: 'web_fetch_result', url: 'https://x', content: { type: 'document', title: 'Page', source: { type: 'text', media_type: 'text/plain', data: 'page text' } } } },
      { type: 'web_fetch_tool_result', tool_use_id: 'i', content: { type: 'web_fetch_result', url: 'https://y', content: { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0' } } } },
      { type: 'web_search_tool_result', tool_use_id: 'j', content: [{ type: 'web_search_result', title: 'A result', url: 'https://z', encrypted_content: 'EnC' }] },
      { type: 'web_fetch_tool_result', tool_use_id: 'k', content: { type: 'web_fetch_tool_result_error', error_code: 'url_not_accessible' } },
    ];
    const expected = ['KEY=1', 'warn', 'out', 'err', 'the file', '- old', '+ new', 'Page', 'page text', 'A result'];
    expect(responseTexts('messages', { content: structuredClone(blocks) }).map((t) => t.get())).toEqual(expected);
    expect(requestTexts('messages', { messages: [{ role: 'assistant', content: structuredClone(blocks) }] }).map((t) => t.get())).toEqual(expected);
    const start = streamTexts('messages', 'content_block_start', { type: 'content_block_start', index: 3, content_block: blocks[0] });
    expect(start.wholes.map((t) => t.get())).toEqual(['KEY=1', 'warn']);
  });

  test("chat: a predicted output (the file being edited, a string or text parts) is text of the request", () => {
    expect(requestTexts('chat', { messages: [{ role: 'user', content: 'edit' }], prediction: { type: 'content', content: 'const to = 1;' } }).map((t) => t.get())).toEqual(['edit', 'const to = 1;']);
    expect(requestTexts('chat', { messages: [], prediction: { type: 'content', content: [{ type: 'text', text: 'part' }] } }).map((t) => t.get())).toEqual(['part']);
  });

  test("Responses: the reason a caller gives for answering an MCP approval request is text, sent back and in an answer", () => {
    const item = { type: 'mcp_approval_response', approval_request_id: 'r', approve: false, reason: 'not to ana@example.com' };
    expect(requestTexts('responses', { input: [structuredClone(item)] }).map((t) => t.get())).toEqual(['not to ana@example.com']);
    expect(responseTexts('responses', { output: [structuredClone(item)] }).map((t) => t.get())).toEqual(['not to ana@example.com']);
  });

  test('Anthropic: the passages a system prompt block cites are text of the request, like a message\'s', () => {
    const system = [{ type: 'text', text: 'Per the file', citations: [{ type: 'char_location', cited_text: 'ana@example.com', document_title: 'Staff', document_index: 0, start_char_index: 0, end_char_index: 15 }] }];
    expect(requestTexts('messages', { system, messages: [] }).map((t) => t.get())).toEqual(['Per the file', 'ana@example.com', 'Staff']);
  });

  test("chat: a web search answer's citation titles are texts of the answer, whole and streamed", () => {
    const annotations = [{ type: 'url_citation', url_citation: { title: 'Ana Lind - profile', url: 'https://x', start_index: 0, end_index: 3 } }];
    expect(responseTexts('chat', { choices: [{ message: { content: 'See', annotations } }] }).map((t) => t.get())).toEqual(['See', 'Ana Lind - profile']);
    const event = streamTexts('chat', null, { choices: [{ index: 0, delta: { annotations }, finish_reason: null }] });
    expect([event.deltas.length, event.wholes.map((t) => t.get())]).toEqual([0, ['Ana Lind - profile']]);
  });

  test("Responses: a spoken answer's streamed transcript is a field of its own, ended by its done event", () => {
    const piece = streamTexts('responses', null, { type: 'response.audio.transcript.delta', delta: 'Call Ana', sequence_number: 4 });
    expect(piece.deltas.map((d) => [d.key, d.get()])).toEqual([['a', 'Call Ana']]);
    const done = endedFields('responses', null, { type: 'response.audio.transcript.done', sequence_number: 9 }) as (k: string) => boolean;
    expect([done('a'), done('o0.0')]).toEqual([true, false]);
    const held = fieldEvent('responses', { type: 'response.audio.transcript.delta', delta: 'x', sequence_number: 5 }, 'a', 'held');
    expect(streamTexts('responses', null, held).deltas.map((d) => [d.key, d.get()])).toEqual([['a', 'held']]);
  });
});

describe('fifth review: texts that got past inspection or came back wrongly', () => {
  test('a tool input nested deeper than any fixed limit is still read (a credential 40 objects deep)', () => {
    let input: unknown = { token: 'deep secret' };
    for (let i = 0; i < 40; i++) input = { a: input };
    const texts = requestTexts('messages', { messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input }] }] });
    expect(texts.map((t) => t.get())).toEqual(['deep secret']);
    texts[0]!.set('[SECRET_1]');
    expect(JSON.stringify(input)).toContain('"token":"[SECRET_1]"');
    // arrays of arrays too, and an input far deeper than the call stack would allow to recurse
    let wide: unknown = ['leaf'];
    for (let i = 0; i < 100_000; i++) wide = [wide];
    expect(requestTexts('messages', { messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: { x: wide } }] }] }).map((t) => t.get())).toEqual(['leaf']);
  });

  test('chat: a custom tool call (freeform input) is read in the request, in the answer and streamed, and held text goes back as its input', () => {
    const call = { id: 'c1', type: 'custom', custom: { name: 'run_sql', input: 'select * from users where mail = ana@example.com' } };
    expect(requestTexts('chat', { messages: [{ role: 'assistant', content: null, tool_calls: [structuredClone(call)] }] }).map((t) => t.get())).toEqual([call.custom.input]);
    expect(responseTexts('chat', { choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [structuredClone(call)] } }] }).map((t) => t.get())).toEqual([call.custom.input]);
    const chunk = { choices: [{ index: 1, delta: { tool_calls: [{ index: 2, id: 'c1', type: 'custom', custom: { name: 'run_sql', input: 'select ' } }] }, finish_reason: null }] };
    expect(streamTexts('chat', null, chunk).deltas.map((d) => [d.key, d.get()])).toEqual([['c1u2', 'select ']]);
    // the answer begins: reasoning before it is over; a finish ends the custom call's input
    const ended = endedFields('chat', null, { choices: [{ index: 1, delta: {}, finish_reason: 'tool_calls' }] }) as (k: string) => boolean;
    expect([ended('c1u2'), ended('c0u2')]).toEqual([true, false]);
    const held = fieldEvent('chat', { id: 'c', choices: [] }, 'c1u2', 'held');
    expect(held).toEqual({ id: 'c', choices: [{ index: 1, delta: { tool_calls: [{ index: 2, type: 'custom', custom: { input: 'held' } }] }, finish_reason: null }] });
    expect(streamTexts('chat', null, held).deltas.map((d) => [d.key, d.get()])).toEqual([['c1u2', 'held']]);
    // the other keys still come back as they were
    expect(streamTexts('chat', null, fieldEvent('chat', { id: 'c', choices: [] }, 'c3t1', 'x')).deltas.map((d) => d.key)).toEqual(['c3t1']);
    expect(streamTexts('chat', null, fieldEvent('chat', { id: 'c', choices: [] }, 'c0s4', 'x')).deltas.map((d) => d.key)).toEqual(['c0s4']);
    expect(streamTexts('chat', null, fieldEvent('chat', { id: 'c', choices: [] }, 'c2F', 'x')).deltas.map((d) => d.key)).toEqual(['c2F']);
  });

  test("Responses: the events that open a stream (created, queued, in_progress) echo the instructions and the stored prompt's variables: read, to restore them", () => {
    for (const type of ['response.created', 'response.queued', 'response.in_progress']) {
      const event = { type, sequence_number: 0, response: { id: 'r', status: 'in_progress', instructions: 'Reply to [EMAIL_1].', prompt: { id: 'pmpt_1', variables: { customer: 'Ana [PII_1]', file: { type: 'input_file', file_id: 'f' }, note: { type: 'input_text', text: 'see [EMAIL_1]' } } }, output: [] } };
      expect(streamTexts('responses', type, event).wholes.map((t) => t.get())).toEqual(['Reply to [EMAIL_1].', 'Ana [PII_1]', 'see [EMAIL_1]']);
      // the request's own texts: restored, not decided again as the answer (no detector pass over the instructions per event)
      expect(streamTexts('responses', type, event).wholes.every((t) => t.echo)).toBe(true);
      expect(endedFields('responses', type, event)).toBeNull();
    }
    expect(responseTexts('responses', { output: [], prompt: { id: 'p', variables: { a: 'x [EMAIL_1]' } } }).map((t) => t.get())).toEqual(['x [EMAIL_1]']);
    const completed = responseTexts('responses', { instructions: 'Be brief.', output: [{ type: 'message', content: [{ type: 'output_text', text: 'Hi' }] }] });
    expect(completed.map((t) => [t.get(), !!t.echo])).toEqual([['Hi', false], ['Be brief.', true]]);
  });

  test("Responses: a shell call's commands and a patch's diff streamed in pieces are fields of their own, ended by their done events and their item's", () => {
    const cmd = streamTexts('responses', null, { type: 'response.shell_call_command.delta', output_index: 2, command_index: 1, delta: 'cat ~/.ne' });
    expect(cmd.deltas.map((d) => [d.key, d.get()])).toEqual([['o2.x1', 'cat ~/.ne']]);
    const added = streamTexts('responses', null, { type: 'response.shell_call_command.added', output_index: 2, command_index: 1, command: 'cat' });
    expect(added.wholes.map((t) => t.get())).toEqual(['cat']);
    const cmdDone = { type: 'response.shell_call_command.done', output_index: 2, command_index: 1, command: 'cat ~/.netrc' };
    expect(streamTexts('responses', null, cmdDone).wholes.map((t) => t.get())).toEqual(['cat ~/.netrc']);
    const c = endedFields('responses', null, cmdDone) as (k: string) => boolean;
    expect([c('o2.x1'), c('o2.x0'), c('o2.0')]).toEqual([true, false, false]);
    const diff = streamTexts('responses', null, { type: 'response.apply_patch_call_operation_diff.delta', item_id: 'p', output_index: 3, delta: '+token = ' });
    expect(diff.deltas.map((d) => [d.key, d.get()])).toEqual([['o3.p', '+token = ']]);
    const diffDone = { type: 'response.apply_patch_call_operation_diff.done', item_id: 'p', output_index: 3, diff: '+token = x' };
    expect(streamTexts('responses', null, diffDone).wholes.map((t) => t.get())).toEqual(['+token = x']);
    expect((endedFields('responses', null, diffDone) as (k: string) => boolean)('o3.p')).toBe(true);
    expect((endedFields('responses', null, { type: 'response.output_item.done', output_index: 3, item: {} }) as (k: string) => boolean)('o3.p')).toBe(true);
    const held = fieldEvent('responses', { type: 'response.shell_call_command.delta', output_index: 2, command_index: 1, delta: 'x', sequence_number: 7 }, 'o2.x1', 'held');
    expect(streamTexts('responses', null, held).deltas.map((d) => [d.key, d.get()])).toEqual([['o2.x1', 'held']]);
  });

  test('a placeholder of a data class whose key starts with a digit, or is long, is restored, whole and split across streamed pieces', () => {
    const vault = new PlaceholderVault();
    const long = `[${'CUSTOMER_CONTRACT_REFERENCE_NUMBERS_OF_THE_LEGAL_DEPARTMENT_X'.slice(0, 64)}_12]`;
    vault.set('[3RD_PARTY_DATA_1]', 'ACME-778');
    vault.set(long, 'K-99');
    expect(vault.restore('a [3RD_PARTY_DATA_1] b')).toBe('a ACME-778 b');
    const text = `see ${long} and [3RD_PARTY_DATA_1].`;
    for (let cut = 1; cut < text.length; cut++) {
      const r = vault.stream();
      expect(r.push(text.slice(0, cut)) + r.push(text.slice(cut)) + r.flush()).toBe('see K-99 and ACME-778.');
    }
  });

  test('restored into JSON text (tool-call arguments), a value is escaped as a JSON string; a value masked in JSON text is kept unescaped', () => {
    const vault = new PlaceholderVault();
    vault.set('[ADDRESS_1]', 'Unit 2050 Box 4190\nDPO AP 96278');
    vault.set('[PII_1]', 'Jo "JJ" O\\Brien');
    const args = '{"to":"[ADDRESS_1]","name":"[PII_1]"}';
    expect(JSON.parse(vault.restore(args, true))).toEqual({ to: 'Unit 2050 Box 4190\nDPO AP 96278', name: 'Jo "JJ" O\\Brien' });
    expect(vault.restore('Sent to [ADDRESS_1].')).toBe('Sent to Unit 2050 Box 4190\nDPO AP 96278.');
    for (let cut = 1; cut < args.length; cut++) {
      const r = vault.stream(true);
      expect(JSON.parse(r.push(args.slice(0, cut)) + r.push(args.slice(cut)) + r.flush())).toEqual({ to: 'Unit 2050 Box 4190\nDPO AP 96278', name: 'Jo "JJ" O\\Brien' });
    }
    // which refs are JSON text: tool-call arguments in every API, Anthropic's streamed partial_json; a custom tool's input is not
    const chat = requestTexts('chat', { messages: [{ role: 'assistant', content: 'x', tool_calls: [{ id: 'a', type: 'function', function: { name: 'f', arguments: '{}' } }, { id: 'b', type: 'custom', custom: { name: 'g', input: 'raw' } }] }] });
    expect(chat.map((t) => [t.get(), !!t.json])).toEqual([['x', false], ['{}', true], ['raw', false]]);
    expect(streamTexts('messages', null, { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"a' } }).deltas.map((t) => !!t.json)).toEqual([true]);
    expect(streamTexts('responses', null, { type: 'response.function_call_arguments.done', output_index: 0, arguments: '{}' }).wholes.map((t) => !!t.json)).toEqual([true]);
    expect(responseTexts('responses', { output: [{ type: 'function_call', arguments: '{}' }, { type: 'custom_tool_call', input: 'raw' }] }).map((t) => !!t.json)).toEqual([true, false]);
  });

  test('chat: tool-call arguments given as an object (OpenAI-compatible servers that take one) are read leaf by leaf', () => {
    const m = { role: 'assistant', content: null, tool_calls: [{ id: 'a', type: 'function', function: { name: 'f', arguments: { env: { TOKEN: 'ghp_x' } } } }], function_call: { name: 'g', arguments: { to: 'ana' } } };
    const texts = requestTexts('chat', { messages: [m] });
    expect(texts.map((t) => [t.get(), !!t.json])).toEqual([['ghp_x', false], ['ana', false]]);
  });

  test('embeddings given as token ids cannot be read as text: refused, with how to send text instead; strings pass', () => {
    for (const input of [[1, 2, 3], [[1, 2], [3]], ['text', [1, 2]]]) expect(uninspectableInput('embeddings', { input })).toMatch(/token ids/);
    expect(uninspectableInput('embeddings', { input: ['a', 'b'] })).toBeNull();
    expect(uninspectableInput('embeddings', { input: 'a' })).toBeNull();
    expect(uninspectableInput('chat', { input: [1, 2] })).toBeNull();
  });
});

describe('JSON text (tool-call arguments) as the detectors read it', () => {
  test('an escape becomes the character it stands for, at the same offsets: a value after a line break starts a word', () => {
    const args = JSON.stringify({ content: 'line1\nghp_123\tx "q" a\\b é/' });
    const read = jsonForInspection(args);
    expect(read).toHaveLength(args.length);
    expect(read).toContain(' \nghp_123 \tx  "q "');
    expect(read).toContain('a \\b');
    expect(jsonForInspection('{"a":"Zo\\u00eb"}')).toBe('{"a":"Zo\\u00eb"}');
    // an escaped backslash before an n is not a line break
    expect(jsonForInspection('"C:\\\\new"')).toBe('"C: \\new"');
    expect(jsonForInspection('no escapes')).toBe('no escapes');
    expect(jsonForInspection('ends with \\')).toBe('ends with \\');
  });
});

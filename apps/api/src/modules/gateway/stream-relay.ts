import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { OFF_LOOP_TEXT_CHARS } from '../decisions/text-inspection.pool';
import { type CallOutcome, type CallState, maskTexts, SEPARATOR } from './call';
import { dropLogprobs, endedFields, fieldEvent, inspectedText, jsonForInspection, streamErrorEvent, streamTexts, type TextRef, usageOf } from './dialects';
import { LookbackScanner, type WindowVerdict } from './lookback';
import { formatSse, type SseEvent, SseParser } from './sse';
import type { StreamRestorer } from './vault';

/** Stands for the held text in a field's template event until it is released. */
const HELD_MARKER = '@@airlock-held-text@@';

/** A field's pieces of one upstream read, decided together: their texts to send, in order. */
interface Taken {
  effect: WindowVerdict['effect'];
  texts: string[];
  /** The next piece's text. */
  next: number;
}

/** A field's pieces in one upstream read (see decideRead). */
interface ReadField {
  pieces: string[];
  /** JSON text (tool-call arguments). */
  json: boolean;
  /** It has pieces after an event that ended it. */
  unordered: boolean;
  /** How many of the read's ending events it was checked against. */
  checked: number;
}

/** What the relay asks of the gateway for the call it relays. */
export interface RelayHost {
  /** The check of the answer's windows (unlogged), prepared once per stream. */
  windowCheck(state: CallState): (text: string) => WindowVerdict;
  /** The verdict on a long whole text, from the inspection thread (unlogged). */
  wholeVerdict(state: CallState, text: string): Promise<WindowVerdict>;
  /** An answer stopped by a block: logged and recorded; the error event that ends the stream. */
  blockStream(state: CallState, text: string, windowReason: string | undefined): string;
  /** The whole answer's decision, for the log alone. */
  logAnswer(state: CallState, text: string): void;
  /** The call's outcome (once): see GatewayService.record. */
  record(state: CallState, what: CallOutcome, first?: () => void, now?: boolean): void;
}

/**
 * Relays a server-sent event stream from the upstream to the caller: each text piece inspected with
 * look-back (LookbackScanner), masked where the policy redacts, placeholders restored; a block stops
 * the stream with the API's error event before the piece that completes the value. `body` is what
 * `res` carries, decompressed where the upstream compressed it (see decodedBody).
 */
export function relayStream(host: RelayHost, state: CallState, res: IncomingMessage, reply: FastifyReply, status: number, passed: Record<string, string>, body: Readable = res): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(status, { ...passed, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
  const parser = new SseParser();
  const scanners = new Map<string, LookbackScanner>();
  const restorers = new Map<string, StreamRestorer>();
  /** Per field holding text back (a value that may go on, a partial placeholder): the event to carry it. */
  const templates = new Map<string, string>();
  const endpoint = state.endpoint;
  let stopped = false;
  let idle: NodeJS.Timeout | null = null;
  const armIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      if (stopped) return;
      stopped = true;
      raw.write(streamErrorEvent(endpoint, `The upstream ${state.upstream.name} sent nothing for ${state.upstream.timeoutMs / 1000} s`, 'upstream_timeout'));
      res.destroy();
      raw.end();
    }, state.upstream.timeoutMs);
  };
  armIdle();

  /**
   * The held-back text of the fields `which` selects (all when omitted), as events of their own:
   * what the look-back scanner held (decided now as it is) and a partial placeholder. A block
   * found then stops the stream (`stopped`) with its error event.
   */
  const flushHeld = (which?: (key: string) => boolean): string => {
    let out = '';
    for (const [key, template] of templates) {
      if (which && !which(key)) continue;
      templates.delete(key);
      const scanner = scanners.get(key)!;
      const restorer = restorers.get(key)!;
      const last = scanner.flush();
      if (last.blocked) {
        stopped = true;
        return out + host.blockStream(state, scanner.text(), last.reason);
      }
      const rest = restorer.push(last.text) + restorer.flush();
      if (rest) out += template.replace(JSON.stringify(HELD_MARKER), () => JSON.stringify(rest));
    }
    return out;
  };

  /** The held text's events, then the event itself, unless what was held stopped the stream. */
  const afterHeld = (held: string, raw: string): string => (stopped ? held : held + raw);

  /** The answer's last event came ([DONE], message_stop, response.completed...): a connection closed after it cut nothing. */
  let lastEventSeen = false;
  const check = host.windowCheck(state);
  let lastWhole: { text: string; verdict: WindowVerdict } | null = null;
  /** JSON text (tool-call arguments) is inspected through its escapes; what goes out is the JSON text itself, masked. */
  const checkJson = (text: string) => check(jsonForInspection(text));
  const scannerOf = (key: string, json?: boolean): LookbackScanner => {
    let scanner = scanners.get(key);
    if (!scanner) scanners.set(key, (scanner = new LookbackScanner(json ? checkJson : check)));
    return scanner;
  };

  /**
   * One event, its JSON parsed once and its text fields found (data null: passed on as it is);
   * which fields it ends and its whole texts joined are worked out once too, when first asked
   * (deciding a read and handling its events both ask).
   */
  interface Parsed {
    ev: SseEvent;
    data: Record<string, unknown> | null;
    deltas: TextRef[];
    /** Whole texts of the answer (decided). */
    wholes: TextRef[];
    /** The request's own texts the event repeats (restored, not decided; see TextRef.echo). */
    echoes: TextRef[];
    ends?: ReturnType<typeof endedFields>;
    joined?: string;
  }
  const endsOf = (p: Parsed): ReturnType<typeof endedFields> =>
    p.ends !== undefined ? p.ends : (p.ends = p.data ? endedFields(endpoint, p.ev.event, p.data) : p.ev.data === '[DONE]' ? 'all' : null);
  const wholeOf = (p: Parsed): string => (p.joined ??= p.wholes.map(inspectedText).join(SEPARATOR));
  const NO_REFS: TextRef[] = [];
  const parse = (ev: SseEvent): Parsed => {
    if (ev.data === '[DONE]') return { ev, data: null, deltas: NO_REFS, wholes: NO_REFS, echoes: NO_REFS };
    let data: unknown;
    try {
      data = JSON.parse(ev.data);
    } catch {
      return { ev, data: null, deltas: NO_REFS, wholes: NO_REFS, echoes: NO_REFS };
    }
    if (typeof data !== 'object' || data === null) return { ev, data: null, deltas: NO_REFS, wholes: NO_REFS, echoes: NO_REFS };
    const json = data as Record<string, unknown>;
    const { deltas, wholes } = streamTexts(endpoint, ev.event, json);
    if (!wholes.some((w) => w.echo)) return { ev, data: json, deltas, wholes, echoes: NO_REFS };
    return { ev, data: json, deltas, wholes: wholes.filter((w) => !w.echo), echoes: wholes.filter((w) => w.echo) };
  };

  /**
   * The pieces of one read of the upstream, decided together per field with one inspection of
   * their window (LookbackScanner.take): each piece's text to send, masked where the verdict
   * redacts. A field whose window would block is left out: its pieces are checked one by one, so
   * a block still stops before the piece that completes the value.
   */
  const decideRead = (batch: Parsed[]): Map<string, Taken> | null => {
    const fields = new Map<string, ReadField>();
    // A field with pieces after an event that ends it (a stream out of order) is pushed piece by
    // piece: what an ending event releases must be all that came before it. Each field is checked
    // against each ending event once (`checked`), not at each of its pieces.
    const enders: ((key: string) => boolean)[] = [];
    let allEnded = false;
    for (const p of batch) {
      for (const ref of p.deltas) {
        const key = ref.key ?? '';
        let field = fields.get(key);
        if (!field) fields.set(key, (field = { pieces: [], json: false, unordered: false, checked: 0 }));
        if (ref.json) field.json = true;
        if (!field.unordered) {
          if (allEnded) field.unordered = true;
          else {
            for (let i = field.checked; i < enders.length; i++)
              if (enders[i]!(key)) {
                field.unordered = true;
                break;
              }
            field.checked = enders.length;
          }
        }
        field.pieces.push(ref.get());
      }
      const ends = endsOf(p);
      if (ends === 'all') allEnded = true;
      else if (ends) enders.push(ends);
    }
    let taken: Map<string, Taken> | null = null;
    for (const [key, field] of fields) {
      if (field.pieces.length < 2 || field.unordered) continue;
      const t = scannerOf(key, field.json).take(field.pieces);
      if (t) (taken ??= new Map()).set(key, { effect: t.effect, texts: t.texts, next: 0 });
    }
    return taken;
  };

  const handleEvent = (p: Parsed, taken: Map<string, Taken> | null): string | null => {
    const { ev, data, deltas, wholes, echoes } = p;
    if (ev.data === '[DONE]') {
      lastEventSeen = true;
      return afterHeld(flushHeld(), ev.raw);
    }
    if (data === null) return ev.raw;
    if (data.type === 'message_stop' || data.type === 'response.completed' || data.type === 'response.incomplete' || data.type === 'response.failed') lastEventSeen = true;
    const usage = usageOf(endpoint, data);
    if (usage) state.usage = state.usage ? { input: Math.max(state.usage.input, usage.input), output: Math.max(state.usage.output, usage.output) } : usage;
    const ended = templates.size || deltas.length ? endsOf(p) : null;
    const endsField = (key: string) => ended === 'all' || (ended !== null && ended(key));

    // The whole text first (the Responses API repeats it in its closing events: output_text.done,
    // content_part.done, output_item.done, completed; one check for the same text): a block stops
    // the stream before anything held goes out.
    let whole: { joined: string; verdict: WindowVerdict } | null = null;
    if (wholes.length) {
      const joined = wholeOf(p);
      const verdict = lastWhole?.text === joined ? lastWhole.verdict : check(joined);
      lastWhole = { text: joined, verdict };
      if (verdict.effect === 'block') {
        stopped = true;
        return host.blockStream(state, joined, verdict.reason);
      }
      whole = { joined, verdict };
    }

    // What is held for fields this event ends goes out before it, except for the fields of its own
    // pieces (released with them below). An event with whole texts that ends nothing (a citation, an
    // item added) releases nothing: the fields still open may go on.
    let prefix = '';
    if (templates.size && ended) {
      const own = deltas.length ? new Set(deltas.map((d) => d.key ?? '')) : null;
      const ends = ended === 'all' ? null : ended;
      prefix = flushHeld((key) => !own?.has(key) && (ends === null || ends(key)));
      if (stopped) return prefix;
    }
    let changed = false;
    // the request's own texts repeated (instructions): restored only
    if (echoes.length && state.vault.size)
      for (const e of echoes) {
        const before = e.get();
        const after = state.vault.restore(before, e.json);
        if (after !== before) {
          e.set(after);
          changed = true;
        }
      }
    if (!deltas.length && !whole) return prefix + (changed ? formatSse(JSON.stringify(data), ev.event) : ev.raw);

    /** A mask applied to this event's texts: its token log probabilities would repeat them. */
    let masked = false;
    for (const ref of deltas) {
      const key = ref.key ?? '';
      const scanner = scannerOf(key, ref.json);
      const piece = ref.get();
      const read = taken?.get(key);
      const result = read ? { text: read.texts[read.next++]!, blocked: false, reason: undefined, effect: read.effect } : scanner.push(piece);
      if (result.blocked) {
        stopped = true;
        // The answer up to the piece that completed the value goes to the log.
        return prefix + host.blockStream(state, scanner.text() + piece, result.reason);
      }
      let restorer = restorers.get(key);
      if (!restorer) restorers.set(key, (restorer = state.vault.stream(ref.json)));
      let text = result.text;
      // The field's last piece (the same event ends it): nothing more can complete what is held.
      const last = endsField(key);
      if (last && scanner.holding) {
        const rest = scanner.flush();
        if (rest.blocked) {
          stopped = true;
          return prefix + host.blockStream(state, scanner.text(), rest.reason);
        }
        text += rest.text;
      }
      let restored = restorer.push(text);
      if (last) {
        restored += restorer.flush();
        templates.delete(key);
      }
      if (restored !== piece) {
        ref.set(restored);
        changed = true;
      }
      if (result.effect === 'redact') masked = true;
      if ((restorer.holding || scanner.holding) && !templates.has(key)) {
        // An event of this field alone, to carry what is held when the field ends.
        templates.set(key, formatSse(JSON.stringify(fieldEvent(endpoint, data, key, HELD_MARKER)), ev.event));
      }
    }
    if (whole) {
      if (whole.verdict.effect === 'redact') {
        maskTexts(wholes, whole.verdict);
        masked = true;
      }
      for (const w of wholes) {
        const before = w.get();
        const after = state.vault.restore(before, w.json);
        if (after !== before) w.set(after);
      }
      changed = true;
    }
    if (masked) dropLogprobs(endpoint, data);
    return prefix + (changed ? formatSse(JSON.stringify(data), ev.event) : ev.raw);
  };

  /** The joined whole texts of an event when they are long and not decided yet (see wholeOffLoop), else null. */
  const longWhole = (p: Parsed): string | null => {
    if (!p.wholes.length) return null;
    const joined = wholeOf(p);
    return joined.length >= OFF_LOOP_TEXT_CHARS && lastWhole?.text !== joined ? joined : null;
  };

  return new Promise<void>((resolve) => {
    const finish = () => {
      if (idle) clearTimeout(idle);
      resolve();
    };
    const stop = () => {
      res.destroy();
      raw.end();
      finish();
    };
    const fail = (err: unknown): string => {
      stopped = true;
      // a text longer than a decision takes (a whole answer repeated in a closing event): the answer's size, not a broken stream
      if ((err as { status?: unknown }).status === 413) return streamErrorEvent(endpoint, `The answer has more text than Airlock inspects (1 MiB): it was stopped`, 'answer_too_large');
      return streamErrorEvent(endpoint, `The upstream stream could not be read: ${(err as Error).message}`, 'upstream_bad_stream');
    };
    /**
     * The bytes of one read of the upstream arrive as several 'data' events (one per chunk of its
     * chunked encoding, i.e. usually one per SSE event): they are gathered and handled together at
     * the end of the tick, so the events of one read are inspected as one window (see decideRead) and
     * written to the caller at once, without delaying any of them.
     */
    let pending: Buffer[] = [];
    let scheduled = false;
    /**
     * Events read and not handled yet, in order, each with its read's approvals. They wait only
     * while a long whole text (the Responses API's closing events) is inspected off the event
     * loop (`waiting`; the upstream is paused meanwhile).
     */
    const queue: { p: Parsed; taken: Map<string, Taken> | null }[] = [];
    let waiting = false;
    let upstreamEnded = false;
    let parserEnded = false;
    const drain = (): string => {
      scheduled = false;
      if (stopped) return '';
      const t0 = performance.now();
      let out = '';
      try {
        if (pending.length) {
          const chunks = pending;
          pending = [];
          const events: SseEvent[] = [];
          for (const chunk of chunks) parser.push(chunk, events);
          const batch = events.map(parse);
          // A read is decided together after the text already handled: not while events wait.
          const taken = batch.length > 1 && !queue.length ? decideRead(batch) : null;
          for (const p of batch) queue.push({ p, taken });
        }
        if (upstreamEnded && !parserEnded) {
          parserEnded = true;
          for (const ev of parser.end()) queue.push({ p: parse(ev), taken: null });
        }
        while (queue.length && !waiting && !stopped) {
          const { p, taken } = queue[0]!;
          const long = longWhole(p);
          if (long !== null) {
            wholeOffLoop(long);
            break;
          }
          queue.shift();
          const text = handleEvent(p, taken);
          if (text) out += text;
        }
      } catch (err) {
        out += fail(err);
      }
      state.own += performance.now() - t0;
      return out;
    };
    const drainAndWrite = () => {
      const out = drain();
      if (out) raw.write(out);
      if (stopped) stop();
    };
    /** The verdict on a long whole text, from the inspection thread; the queue goes on with it. */
    const wholeOffLoop = (text: string) => {
      waiting = true;
      body.pause();
      // The upstream is paused, not silent: its idle timer waits too (re-armed when it resumes).
      if (idle) clearTimeout(idle);
      idle = null;
      const t0 = performance.now();
      host.wholeVerdict(state, text).then(
        (verdict) => {
          waiting = false;
          state.own += performance.now() - t0;
          lastWhole = { text, verdict };
          if (stopped || raw.destroyed) return;
          if (upstreamEnded) return complete();
          armIdle();
          body.resume();
          drainAndWrite();
        },
        (err: unknown) => {
          waiting = false;
          if (stopped || raw.destroyed) return;
          raw.write(fail(err));
          stop();
        },
      )
        // what went wrong in the continuation ends this stream, never the process
        .catch((err: unknown) => {
          if (!raw.destroyed && !raw.writableEnded) raw.write(fail(err));
          stop();
        });
    };
    /** The upstream's answer ended: the last events, what is held, the record, the end of the answer. */
    const complete = () => {
      let out = drain();
      if (waiting) {
        // a long whole text among the last events: completed when its verdict is in
        if (out) raw.write(out);
        return;
      }
      if (!stopped) {
        try {
          out += flushHeld();
        } catch (err) {
          // deciding what was held failed (the policy went away meanwhile): the stream ends with the error
          out += fail(err);
        }
      } else if (!res.destroyed) res.destroy();
      if (!stopped) {
        // The whole answer's decision, for the log, before the last write (after it, deferred like
        // the other records, measured no cheaper in bench/gateway.mjs, and dearer in some runs).
        const whole = [...scanners.values()].map((s) => s.text()).join(SEPARATOR);
        host.record(state, { streamed: true }, whole ? () => host.logAnswer(state, whole) : undefined, true);
      }
      // The last events and the end of the chunked answer in one write.
      if (out) raw.end(out);
      else raw.end();
      finish();
    };
    /**
     * The upstream's answer broke off (its connection closed before the end, an unreadable
     * compression): the events that came are handled, what is held goes out decided, and the stream
     * ends with the API's error event, so the SDKs raise it rather than take a cut answer as whole.
     */
    const broken = (message: string) => {
      if (stopped || upstreamEnded || raw.destroyed || raw.writableEnded) return finish();
      let out = waiting ? '' : drain();
      // closed right after the answer's last event (no end of the chunked encoding): the answer is whole
      if (lastEventSeen && !stopped && !waiting) {
        if (out) raw.write(out);
        upstreamEnded = true;
        return complete();
      }
      try {
        if (!stopped) out += flushHeld();
      } catch (err) {
        out += fail(err);
      }
      if (!stopped) {
        stopped = true;
        host.record(state, { upstreamError: true, streamed: true });
        out += streamErrorEvent(endpoint, `The upstream ${state.upstream.name} ${message}`, 'upstream_bad_stream');
      }
      res.destroy();
      raw.end(out);
      finish();
    };
    body.on('data', (chunk: Buffer) => {
      if (stopped) return;
      pending.push(chunk);
      if (!scheduled) {
        scheduled = true;
        armIdle();
        process.nextTick(drainAndWrite);
      }
    });
    body.on('end', () => {
      upstreamEnded = true;
      if (!waiting) complete();
    });
    body.on('error', (err) => broken(body === res ? 'closed the stream before its end' : `sent a stream that could not be decompressed (${err.message})`));
    if (body !== res) res.on('error', () => undefined);
    res.once('close', () => {
      if (!res.complete) broken('closed the stream before its end');
    });
    raw.once('close', () => {
      if (!res.complete) res.destroy();
      finish();
    });
  });
}

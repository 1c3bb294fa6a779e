import type { Socket } from 'node:net';
import {
  ChunkedDecoder,
  encodeChunk,
  type HttpHead,
  headEnd,
  icapHead,
  IcapProtocolError,
  type IcapRequestHead,
  LAST_CHUNK,
  MAX_HEAD_BYTES,
  parseHttpHead,
  parseIcapHead,
} from './icap-protocol';

/** One ICAP request as the handler sees it: the ICAP head and the encapsulated HTTP heads. */
export interface IcapTransaction {
  head: IcapRequestHead;
  reqHdr: HttpHead | null;
  resHdr: HttpHead | null;
  /** The raw bytes of the encapsulated heads (echoed unchanged when a 204 is not allowed). */
  rawReqHdr: Buffer | null;
  rawResHdr: Buffer | null;
}

/** What to answer: unchanged (204, or the message echoed when the client did not allow 204), or these bytes. */
export type IcapReply = { kind: 'unchanged' } | { kind: 'message'; bytes: Buffer };

/** Decided from the heads alone, or the body is needed: then `finish` decides on it, `overflow` past the limit. */
export type IcapPlan = { kind: 'reply'; reply: IcapReply } | { kind: 'body'; maxBytes: number; finish(body: Buffer): IcapReply | Promise<IcapReply>; overflow(): IcapReply };

export interface IcapHandler {
  /** The answer to OPTIONS. */
  options(head: IcapRequestHead): Buffer;
  /** REQMOD / RESPMOD after the heads; throws IcapProtocolError (403, 404...) to refuse. */
  plan(tx: IcapTransaction): IcapPlan;
  /** The ISTag of the service for this request (every answer carries it), when known. */
  istag(head: IcapRequestHead | null): string;
  /** A failure that is not the client's (logged without content). */
  onError(err: Error): void;
  /** Counts for /metrics: a new connection ('connection') and each answer's ICAP status ('100', '204', '200', '400'...). */
  count?(what: string): void;
}

export interface IcapConnectionLimits {
  /** A transaction must arrive in full (heads and body) within this. */
  transactionTimeoutMs: number;
  /** A keep-alive connection with no transaction closes after this. */
  idleTimeoutMs: number;
}

const CONTINUE = icapHead(100, []);

/**
 * Reads bytes from the socket on demand: at most one read's worth buffered beyond what the parser
 * asked for (the socket is paused until the next read), so a fast sender cannot fill memory.
 */
class SocketInput {
  private pending: Buffer | null = null;
  private wake: (() => void) | null = null;
  private ended = false;

  constructor(private readonly socket: Socket) {
    socket.pause();
    socket.on('data', (b: Buffer) => {
      this.pending = this.pending ? Buffer.concat([this.pending, b]) : b;
      socket.pause();
      this.notify();
    });
    const end = () => {
      this.ended = true;
      this.notify();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** The next bytes, or null once the connection ended. */
  async next(): Promise<Buffer | null> {
    for (;;) {
      if (this.pending) {
        const b = this.pending;
        this.pending = null;
        return b;
      }
      if (this.ended) return null;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.socket.resume();
      });
    }
  }

  /** Puts bytes read too far back in front. */
  unshift(b: Buffer | null): void {
    if (b && b.length) this.pending = this.pending ? Buffer.concat([b, this.pending]) : b;
  }
}

class ConnectionEnded extends Error {}

/**
 * Serves one ICAP connection: transactions one after another (keep-alive, pipelining tolerated),
 * the preview and 100 Continue, bodies read through the chunked decoder with the handler's limit.
 * Malformed input gets an ICAP error answer and the connection closes; nothing here throws out.
 */
export async function serveIcapConnection(socket: Socket, handler: IcapHandler, limits: IcapConnectionLimits): Promise<void> {
  const input = new SocketInput(socket);
  socket.setNoDelay(true);
  socket.setTimeout(limits.idleTimeoutMs, () => socket.destroy());
  let head: IcapRequestHead | null = null;
  handler.count?.('connection');
  const write = (b: Buffer): Promise<void> =>
    new Promise((resolve) => {
      if (b.length > 12 && b.toString('latin1', 0, 9) === 'ICAP/1.0 ') handler.count?.(b.toString('latin1', 9, 12));
      if (socket.destroyed) return resolve();
      if (socket.write(b)) resolve();
      else {
        const done = () => {
          socket.off('drain', done);
          socket.off('close', done);
          resolve();
        };
        socket.on('drain', done);
        socket.on('close', done);
      }
    });

  const readHead = async (): Promise<Buffer | null> => {
    let buf: Buffer = Buffer.alloc(0);
    for (;;) {
      const b = await input.next();
      if (b === null) {
        if (buf.length === 0) return null;
        throw new ConnectionEnded();
      }
      const from = buf.length;
      buf = buf.length ? Buffer.concat([buf, b]) : b;
      // Blank lines between requests are tolerated (RFC 9112 2.2).
      while (buf.length >= 2 && buf[0] === 0x0d && buf[1] === 0x0a) buf = buf.subarray(2);
      const end = headEnd(buf, from);
      if (end !== -1) {
        input.unshift(buf.subarray(end));
        return buf.subarray(0, end - 4);
      }
      if (buf.length > MAX_HEAD_BYTES) throw new IcapProtocolError(`The ICAP head is larger than ${MAX_HEAD_BYTES / 1024} KiB`);
    }
  };

  const readExactly = async (n: number): Promise<Buffer> => {
    let buf: Buffer = Buffer.alloc(0);
    while (buf.length < n) {
      const b = await input.next();
      if (b === null) throw new ConnectionEnded();
      buf = buf.length ? Buffer.concat([buf, b]) : b;
    }
    input.unshift(buf.subarray(n));
    return buf.subarray(0, n);
  };

  /** Reads chunks up to the terminating one, handing data to `onData`. */
  const readChunks = async (onData: (b: Buffer) => void): Promise<{ ieof: boolean }> => {
    const decoder = new ChunkedDecoder();
    for (;;) {
      const b = await input.next();
      if (b === null) throw new ConnectionEnded();
      const r = decoder.push(b);
      for (const d of r.data) onData(d);
      if (r.done) {
        input.unshift(r.rest);
        return r.done;
      }
    }
  };

  try {
    for (;;) {
      head = null;
      const headBytes = await readHead();
      if (headBytes === null) break;
      const deadline = setTimeout(() => socket.destroy(), limits.transactionTimeoutMs);
      try {
        head = parseIcapHead(headBytes);
        if (head.sectionsLength > MAX_HEAD_BYTES) throw new IcapProtocolError(`The encapsulated HTTP heads are larger than ${MAX_HEAD_BYTES / 1024} KiB`);
        const sections = head.sectionsLength ? await readExactly(head.sectionsLength) : Buffer.alloc(0);
        if (head.method === 'OPTIONS') {
          if (head.body) await readChunks(() => undefined);
          await write(handler.options(head));
          continue;
        }
        const tx = splitSections(head, sections);
        await runTransaction(tx);
      } finally {
        clearTimeout(deadline);
      }
    }
  } catch (err) {
    if (!(err instanceof ConnectionEnded) && !socket.destroyed) {
      const protocol = err instanceof IcapProtocolError;
      if (!protocol) handler.onError(err as Error);
      const status = protocol ? err.status : 500;
      let istag: string | null;
      try {
        istag = handler.istag(head);
      } catch {
        // The key was refused: the answer says so without the organization's tag.
        istag = null;
      }
      const headers: [string, string][] = [...(istag ? [['ISTag', istag] as [string, string]] : []), ['Connection', 'close'], ['Encapsulated', 'null-body=0']];
      if (protocol) headers.unshift(['X-Airlock-Error', err.message.replace(/[^\x20-\x7e]/g, '?').slice(0, 300)]);
      await write(icapHead(status, headers));
    }
  } finally {
    socket.end();
    setTimeout(() => socket.destroy(), 1000).unref();
  }

  async function runTransaction(tx: IcapTransaction): Promise<void> {
    const h = tx.head;
    const plan = handler.plan(tx);
    if (!h.body) {
      const reply = plan.kind === 'reply' ? plan.reply : await plan.finish(Buffer.alloc(0));
      await write(answer(tx, reply, null, false));
      return;
    }
    if (plan.kind === 'reply') {
      // Decided from the heads: the preview (or the whole body) is read and dropped, unless an
      // unchanged message must be echoed because the client takes no 204. A 204 after a preview
      // is always allowed (RFC 3507 4.5): the client still holds the body.
      if (h.preview !== null) {
        await readChunks(() => undefined);
        await write(answer(tx, plan.reply, null, true));
        return;
      }
      if (plan.reply.kind === 'unchanged' && !h.allow204) {
        await write(echoHead(tx));
        await streamChunks();
        return;
      }
      await readChunks(() => undefined);
      await write(answer(tx, plan.reply, null, false));
      return;
    }
    const parts: Buffer[] = [];
    let size = 0;
    let overflow: IcapReply | null = null;
    let echoing = false;
    let inPreview = h.preview !== null;
    const pending: Promise<void>[] = [];
    const collect = (b: Buffer) => {
      if (echoing) return void pending.push(write(encodeChunk(b)));
      if (overflow) return;
      size += b.length;
      if (size <= plan.maxBytes) return void parts.push(b);
      overflow = plan.overflow();
      if (overflow.kind === 'unchanged' && !h.allow204 && !inPreview) {
        // Unchanged past the limit and no 204: the message goes back as it came, streamed.
        echoing = true;
        pending.push(write(Buffer.concat([echoHead(tx), ...parts.map(encodeChunk), encodeChunk(b)])));
      }
      parts.length = 0;
    };
    if (inPreview) {
      const { ieof } = await readChunks(collect);
      if (overflow) return void (await write(answer(tx, overflow, null, true)));
      if (!ieof) {
        await write(CONTINUE);
        inPreview = false;
        await readChunks(collect);
      }
    } else await readChunks(collect);
    if (echoing) {
      await Promise.all(pending);
      await write(LAST_CHUNK);
      return;
    }
    if (overflow) return void (await write(answer(tx, overflow, null, inPreview)));
    const body = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    await write(answer(tx, await plan.finish(body), body, inPreview));
  }

  /** The rest of the body, passed back chunk by chunk, then the last chunk. */
  async function streamChunks(): Promise<void> {
    const pending: Promise<void>[] = [];
    await readChunks((b) => void pending.push(write(encodeChunk(b))));
    await Promise.all(pending);
    await write(LAST_CHUNK);
  }

  /** A 200 that carries the encapsulated head unchanged, its body to follow as chunks. */
  function echoHead(tx: IcapTransaction): Buffer {
    const part = tx.head.method === 'REQMOD' ? 'req' : 'res';
    const raw = part === 'req' ? tx.rawReqHdr : tx.rawResHdr;
    const encapsulated = raw ? `${part}-hdr=0, ${part}-body=${raw.length}` : `${part}-body=0`;
    return Buffer.concat([icapHead(200, [['ISTag', handler.istag(tx.head)], ['Encapsulated', encapsulated]]), raw ?? Buffer.alloc(0)]);
  }

  /**
   * The bytes of an answer. `unchanged`: 204 when the client allows it or a preview is in
   * progress, otherwise the message echoed with its body (`body`; null when there was none).
   */
  function answer(tx: IcapTransaction, reply: IcapReply, body: Buffer | null, inPreview: boolean): Buffer {
    if (reply.kind === 'message') return reply.bytes;
    const istag = handler.istag(tx.head);
    if (tx.head.allow204 || inPreview) return icapHead(204, [['ISTag', istag], ['Encapsulated', 'null-body=0']]);
    const part = tx.head.method === 'REQMOD' ? 'req' : 'res';
    const raw = part === 'req' ? tx.rawReqHdr : tx.rawResHdr;
    if (!raw) return icapHead(204, [['ISTag', istag], ['Encapsulated', 'null-body=0']]);
    const hasBody = body !== null && tx.head.body !== null;
    const encapsulated = hasBody ? `${part}-hdr=0, ${part}-body=${raw.length}` : `${part}-hdr=0, null-body=${raw.length}`;
    return Buffer.concat([icapHead(200, [['ISTag', istag], ['Encapsulated', encapsulated]]), raw, ...(hasBody ? [encodeChunk(body), LAST_CHUNK] : [])]);
  }
}

/** The encapsulated HTTP heads by the Encapsulated offsets. */
export function splitSections(head: IcapRequestHead, sections: Buffer): IcapTransaction {
  const tx: IcapTransaction = { head, reqHdr: null, resHdr: null, rawReqHdr: null, rawResHdr: null };
  const parts = head.encapsulated;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i]!;
    const bytes = sections.subarray(p.offset, parts[i + 1]!.offset);
    if (p.name === 'req-hdr') {
      tx.reqHdr = parseHttpHead(bytes, 'request');
      tx.rawReqHdr = bytes;
    } else if (p.name === 'res-hdr') {
      tx.resHdr = parseHttpHead(bytes, 'response');
      tx.rawResHdr = bytes;
    }
  }
  return tx;
}


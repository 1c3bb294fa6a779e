import zlib from 'node:zlib';
import { Inject, Injectable, Logger } from '@nestjs/common';
import ipaddr from 'ipaddr.js';
import { type DecisionRequestInput, type DecisionResponse, MAX_CONTENT_BYTES } from '@airlock/contracts';
import { redact } from '@airlock/detectors';
import { AppError } from '../../common/errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ApiKeyRegistry } from '../api-clients/api-key-registry.service';
import type { ApiClientAuth } from '../auth/auth-context';
import { DecisionService } from '../decisions/decision.service';
import { FileTextRunner, utf8Prefix } from '../decisions/file-text-runner';
import { MetricsService } from '../metrics/metrics.service';
import { PolicyRuntime } from '../policy/policy-runtime.service';
import { type BodyTexts, bodyTexts, type FileSlot, maskJoined } from './icap-bodies';
import type { IcapHandler, IcapPlan, IcapReply, IcapTransaction } from './icap-connection';
import { type BlockInfo, blockResponse, wantsHtml } from './icap-pages';
import { type HttpHead, HeaderList, icapHead, icapMessage, IcapProtocolError, type IcapRequestHead, proxyUserName, requestLine, requestUrl } from './icap-protocol';

type IcapConfig = NonNullable<AppConfig['icap']>;
/** Between the texts of one body when they are decided together. */
const SEPARATOR = '\n\n';
const SEVERITY = { allow: 0, warn: 1, redact: 2, block: 3 } as const;
const SERVICES: Record<string, 'REQMOD' | 'RESPMOD'> = { '/reqmod': 'REQMOD', '/respmod': 'RESPMOD' };
/** How long a proxy may keep the OPTIONS answer; a new ISTag on every answer tells it sooner. */
const OPTIONS_TTL_SECONDS = 60;

interface Base {
  client: ApiClientAuth;
  destination: DecisionRequestInput['destination'];
  subject: DecisionRequestInput['subject'];
  ip: string | undefined;
  correlationId: string | undefined;
  html: boolean;
}

/** A decision's input from the message's base and what is decided. */
function inputOf(base: Base, action: DecisionRequestInput['action'], content: DecisionRequestInput['content']): DecisionRequestInput {
  // Assigned, not spread conditionally (V8's slow path for `...(cond ? { k } : {})`).
  const input: DecisionRequestInput = { action, destination: base.destination };
  if (base.subject) input.subject = base.subject;
  if (content) input.content = content;
  return input;
}

/**
 * The ICAP service's decisions (docs/integrations/proxy-icap.md): which organization (the
 * `decide` API key the proxy sends), what the HTTP message is (destination from its URL, subject
 * and address from the proxy's headers, texts from its body), the decision through DecisionService
 * (the same path, log and incidents as /v1/decisions), and the answer: unchanged, a 403 page, or
 * the body rewritten with the redacting rules' findings masked. Bodies are never stored or logged.
 */
@Injectable()
export class IcapService implements IcapHandler {
  private readonly logger = new Logger('Icap');
  private readonly config: IcapConfig;
  private readonly clients = new WeakMap<IcapRequestHead, ApiClientAuth>();
  /** The text of uploaded PDF and office files (and text files that are not UTF-8), read off the process. */
  private readonly files = new FileTextRunner();

  constructor(
    private readonly decisions: DecisionService,
    private readonly keys: ApiKeyRegistry,
    private readonly runtime: PolicyRuntime,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) appConfig: AppConfig,
  ) {
    this.config = appConfig.icap ?? { port: 0, host: '127.0.0.1', apiKey: null, maxBodyBytes: 2 * 1024 * 1024, failOpen: false, clientIpHeader: 'X-Client-IP', userHeader: 'X-Authenticated-User', userEncoding: 'plain', userDomain: null };
  }

  /** The API key: the `X-Airlock-Key` ICAP header, the `key` parameter of the service URI, or AIRLOCK_ICAP_API_KEY. */
  private clientOf(head: IcapRequestHead): ApiClientAuth {
    const known = this.clients.get(head);
    if (known) return known;
    const presented = this.presentedKey(head);
    if (!presented) throw new IcapProtocolError('Send an Airlock API key with the decide scope: the X-Airlock-Key ICAP header (Squid: adaptation_meta) or ?key= in the service URI', 403);
    const auth = this.keys.authenticate(presented.trim());
    if (!auth) throw new IcapProtocolError('The API key is unknown, expired or revoked', 403);
    if (!auth.scopes.includes('decide')) throw new IcapProtocolError('The API key lacks the "decide" scope', 403);
    this.clients.set(head, auth);
    return auth;
  }

  private service(head: IcapRequestHead): 'REQMOD' | 'RESPMOD' {
    const service = SERVICES[head.path.replace(/\/+$/, '').toLowerCase()];
    if (!service) throw new IcapProtocolError(`No ICAP service at ${head.path.slice(0, 100)}: use /reqmod or /respmod`, 404);
    return service;
  }

  /** The key the request carries (header, URI or configuration), or null. */
  private presentedKey(head: IcapRequestHead): string | null {
    return head.headers.get('X-Airlock-Key') ?? head.query.get('key') ?? this.config.apiKey;
  }

  /**
   * `"airlock-<version>-<hash>"`: a new value as soon as a new policy version is in force. OPTIONS
   * without a key (Squid sends its adaptation_meta headers with REQMOD and RESPMOD only) gets a tag
   * of every organization's versions on this instance, which changes on any publish.
   */
  istag(head: IcapRequestHead | null): string {
    if (!head || (head.method === 'OPTIONS' && !this.presentedKey(head))) {
      const versions = Object.entries(this.runtime.versions()).sort(([a], [b]) => (a < b ? -1 : 1)).map(([org, v]) => `${org}:${v}`).join(',');
      return `"airlock-${fnv1a(versions)}"`;
    }
    const policy = this.runtime.get(this.clientOf(head).organizationId);
    return policy ? `"airlock-${policy.version}-${policy.contentHash.slice(0, 12)}"` : '"airlock-unloaded"';
  }

  options(head: IcapRequestHead): Buffer {
    const service = this.service(head);
    // A key that is sent must be valid (a misconfigured proxy learns it at once); none is fine here.
    if (this.presentedKey(head)) this.clientOf(head);
    return icapHead(200, [
      ['Methods', service],
      ['Service', 'Airlock ICAP service'],
      ['Service-ID', 'airlock'],
      ['ISTag', this.istag(head)],
      ['Max-Connections', '1000'],
      ['Options-TTL', String(OPTIONS_TTL_SECONDS)],
      ['Allow', '204'],
      // Headers first: most requests are decided without their body, and the body is asked for
      // (100 Continue) only when its content can change the decision.
      ['Preview', '0'],
      ['Transfer-Preview', '*'],
      ['Encapsulated', 'null-body=0'],
    ]);
  }

  count(what: string): void {
    if (what === 'connection') this.metrics.icapConnections.inc();
    else this.metrics.icapAnswers.labels(what).inc();
  }

  onError(err: Error): void {
    this.logger.error(`ICAP transaction failed: ${err.message}`);
  }

  plan(tx: IcapTransaction): IcapPlan {
    const head = tx.head;
    const service = this.service(head);
    if (service !== head.method) throw new IcapProtocolError(`The service at ${head.path} takes ${service}, not ${head.method}`, 405);
    const client = this.clientOf(head);
    const req = tx.reqHdr;
    const url = req ? requestUrl(req) : null;
    if (!req || !url) return UNCHANGED_PLAN;
    const base: Base = {
      client,
      destination: url.length <= 4096 ? { url } : { host: hostOf(url) },
      subject: this.subjectOf(head),
      ip: this.clientIp(head),
      correlationId: req.headers.get('X-Request-Id')?.slice(0, 200),
      html: wantsHtml(req.headers.get('Accept')),
    };
    try {
      return head.method === 'REQMOD' ? this.planRequest(tx, req, base) : this.planResponse(tx, base);
    } catch (err) {
      return { kind: 'reply', reply: this.failure(tx, base, err) };
    }
  }

  /**
   * REQMOD: an access decision for a request without body; a prompt (and uploads) for one with.
   * Only the catalog's AI services are decided: the policy's rules are about AI services ("no
   * credentials" is not meant for a bank's login form), so every other destination is passed with a
   * 204 from its heads, unlogged and uninspected.
   */
  private planRequest(tx: IcapTransaction, req: HttpHead, base: Base): IcapPlan {
    const { method } = requestLine(req);
    const input = { destination: base.destination, subject: base.subject };
    const bodyless = !tx.head.body || method === 'CONNECT' || method === 'GET' || method === 'HEAD';
    const multipart = !bodyless && /^multipart\//i.test(req.headers.get('Content-Type') ?? '');
    const action = bodyless ? 'access' : multipart ? 'upload' : 'prompt';
    const prepared = this.decisions.prepare(base.client, { ...input, action }, base.ip);
    if (!isAi(prepared.baseline.decision)) return UNCHANGED_PLAN;
    if (!bodyless) {
      // A multipart body has text fields (a prompt) and files (uploads): the body matters if either can.
      const other = multipart ? this.decisions.prepare(base.client, { ...input, action: 'prompt' }, base.ip) : null;
      if (prepared.contentMatters || other?.contentMatters) {
        return {
          kind: 'body',
          maxBytes: this.config.maxBodyBytes,
          overflow: () => this.overflow(tx, base),
          finish: (body) => this.inspectRequest(tx, req, base, body).catch((err: unknown) => this.failure(tx, base, err)),
        };
      }
    }
    // Nothing in the body can change the answer: one logged decision on the heads.
    const decision = this.decide(base, action, undefined);
    return { kind: 'reply', reply: decision.effect === 'block' ? this.block(tx, base, [decision], bodyless ? 'Airlock blocked this page' : 'Airlock blocked this request') : UNCHANGED };
  }

  /** The body's texts (a prompt) and files (uploads) decided; a long text is inspected off the event loop. */
  private async inspectRequest(tx: IcapTransaction, req: HttpHead, base: Base, body: Buffer): Promise<IcapReply> {
    const decoded = decodeBody(body, req.headers.get('Content-Encoding'), this.config.maxBodyBytes);
    if (decoded === 'too-large') return this.overflow(tx, base);
    const parsed: BodyTexts = decoded === null ? bodyTexts('application/octet-stream', Buffer.from([0])) : bodyTexts(req.headers.get('Content-Type'), decoded);
    const texts = parsed.texts.map((t) => t.get());
    const joined = texts.join(SEPARATOR);
    const decisions: DecisionResponse[] = [];
    const prompt = parsed.files.length === 0 || joined.length > 0 ? await this.decideText(base, 'prompt', joined ? { text: joined } : undefined) : null;
    if (prompt) decisions.push(prompt);
    const uploads: DecisionResponse[] = [];
    let partly = false;
    for (const f of parsed.files) {
      const { text, truncated } = f.text ? { text: f.text.get(), truncated: false } : await this.fileText(f);
      partly ||= truncated;
      let d = await this.decideText(base, 'upload', { ...(text !== undefined ? { text } : {}), fileName: f.fileName.slice(0, 512), ...(f.mimeType ? { mimeType: f.mimeType.slice(0, 255) } : {}) });
      // A file whose text was read from a PDF or an office file cannot be masked: what is to be redacted blocks it.
      if (d.effect === 'redact' && !f.text) d = { ...d, effect: 'block', reasons: d.reasons.map((r) => (r.effect === 'redact' ? { ...r, effect: 'block' as const } : r)) };
      decisions.push(d);
      uploads.push(d);
    }
    if (partly && !this.config.failOpen && !decisions.some((d) => d.effect === 'block')) return this.overflow(tx, base, 'A file holds more text than Airlock inspects');
    const worst = decisions.reduce((w, d) => (SEVERITY[d.effect] > SEVERITY[w] ? d.effect : w), 'allow' as DecisionResponse['effect']);
    if (worst === 'block') return this.block(tx, base, decisions.filter((d) => d.effect === 'block'), 'Airlock blocked this request');
    if (worst !== 'redact') return UNCHANGED;
    if (prompt?.effect === 'redact') {
      const classes = new Set(prompt.redactedClasses ?? []);
      const { placeholders } = redact(joined, prompt.findings.filter((f) => classes.has(f.dataClass)));
      const masked = maskJoined(texts, SEPARATOR, placeholders);
      parsed.texts.forEach((t, i) => {
        if (masked[i] !== texts[i]) t.set(masked[i]!);
      });
    }
    parsed.files.forEach((f, i) => {
      const d = uploads[i]!;
      if (d.effect === 'redact' && f.text && d.redactedText !== undefined) f.text.set(d.redactedText);
    });
    const out = parsed.serialize();
    const headers = new HeaderList(req.headers.fields.map(([n, v]) => [n, v] as [string, string]));
    headers.delete('Transfer-Encoding');
    headers.delete('Content-Encoding');
    headers.set('Content-Length', String(out.length));
    return { kind: 'message', bytes: icapMessage(200, [['ISTag', this.istag(tx.head)]], 'req', { startLine: req.startLine, headers }, out) };
  }

  /** RESPMOD: the answer of an AI service, decided as a `response` when a rule can act on its content. */
  private planResponse(tx: IcapTransaction, base: Base): IcapPlan {
    const res = tx.resHdr;
    if (!res || !tx.head.body) return UNCHANGED_PLAN;
    const prepared = this.decisions.prepare(base.client, { destination: base.destination, subject: base.subject, action: 'response' }, base.ip);
    // Answers of AI services only, and only text: images, media and downloads pass from their heads.
    if (!isAi(prepared.baseline.decision) || !prepared.contentMatters || !TEXT_TYPES.test(res.headers.get('Content-Type') ?? 'text/plain')) return UNCHANGED_PLAN;
    return {
      kind: 'body',
      maxBytes: this.config.maxBodyBytes,
      overflow: () => this.overflow(tx, base),
      finish: async (body) => {
        try {
          const decoded = decodeBody(body, res.headers.get('Content-Encoding'), this.config.maxBodyBytes);
          if (decoded === 'too-large') return this.overflow(tx, base);
          if (decoded === null) return UNCHANGED;
          const parsed = bodyTexts(res.headers.get('Content-Type'), decoded);
          const texts = parsed.texts.map((t) => t.get());
          const joined = texts.join(SEPARATOR);
          if (!joined) return UNCHANGED;
          const d = await this.decideText(base, 'response', { text: joined });
          if (d.effect === 'block') return this.block(tx, base, [d], 'Airlock blocked this answer');
          if (d.effect !== 'redact') return UNCHANGED;
          const classes = new Set(d.redactedClasses ?? []);
          const masked = maskJoined(texts, SEPARATOR, redact(joined, d.findings.filter((f) => classes.has(f.dataClass))).placeholders);
          parsed.texts.forEach((t, i) => masked[i] !== texts[i] && t.set(masked[i]!));
          const out = parsed.serialize();
          const headers = new HeaderList(res.headers.fields.map(([n, v]) => [n, v] as [string, string]));
          headers.delete('Transfer-Encoding');
          headers.delete('Content-Encoding');
          headers.delete('ETag');
          headers.set('Content-Length', String(out.length));
          return { kind: 'message', bytes: icapMessage(200, [['ISTag', this.istag(tx.head)]], 'res', { startLine: res.startLine, headers }, out) };
        } catch (err) {
          return this.failure(tx, base, err);
        }
      },
    };
  }

  private decide(base: Base, action: DecisionRequestInput['action'], content: DecisionRequestInput['content']): DecisionResponse {
    return this.decisions.decideOne(base.client, inputOf(base, action, content), base.correlationId, base.ip);
  }

  /**
   * The text of a file part that is not UTF-8 text (a PDF, an office file, text with a stray NUL):
   * read by @airlock/file-text in a child process, at most what one decision inspects (`truncated`
   * beyond). None when it cannot be read (an image, an encrypted or broken file): the file is then
   * decided on its name and type, as before.
   */
  private async fileText(f: FileSlot): Promise<{ text: string | undefined; truncated: boolean }> {
    const read = await this.files.extract(f.data, { name: f.fileName.slice(0, 512), ...(f.mimeType ? { type: f.mimeType.slice(0, 255) } : {}) });
    if (read.text === undefined) return { text: undefined, truncated: false };
    const text = utf8Prefix(read.text, MAX_CONTENT_BYTES);
    return { text, truncated: read.truncated === true || text.length < read.text.length };
  }

  /** decide, with a long text inspected off the event loop (DecisionService.decideOneAsync), never refused for a busy thread. */
  private decideText(base: Base, action: DecisionRequestInput['action'], content: DecisionRequestInput['content']): DecisionResponse | Promise<DecisionResponse> {
    // The proxy holds the message meanwhile: a text the thread cannot take now is decided here.
    return this.decisions.decideOneAsync(base.client, inputOf(base, action, content), base.correlationId, base.ip, { inlineWhenBusy: true });
  }

  /** The 403 page (or JSON) of a block, in place of the request (REQMOD) or the answer (RESPMOD). */
  private block(tx: IcapTransaction, base: Base, decisions: DecisionResponse[], title: string): IcapReply {
    const first = decisions[0];
    const reasons = decisions.flatMap((d) => d.reasons.filter((r) => r.effect === 'block').map((r) => ({ ruleId: r.ruleId, message: r.message, ...(r.guidanceUrl ? { guidanceUrl: r.guidanceUrl } : {}) })));
    return this.page(tx, base, {
      title,
      reasons: reasons.length ? reasons : [{ ruleId: 'policy', message: 'The policy does not allow it.' }],
      service: first?.provider?.name ?? null,
      decisionId: first?.decisionId ?? null,
      code: 'airlock_policy_block',
    });
  }

  private page(tx: IcapTransaction, base: Base, info: BlockInfo): IcapReply {
    const { head, body } = blockResponse(info, base.html);
    return { kind: 'message', bytes: icapMessage(200, [['ISTag', this.istag(tx.head)]], 'res', head, body) };
  }

  /** A body past AIRLOCK_ICAP_MAX_BODY_BYTES (or a file with more text than one decision takes): passed uninspected (fail-open) or refused (fail-closed). */
  private overflow(tx: IcapTransaction, base: Base, what = `The body is larger than the ${formatBytes(this.config.maxBodyBytes)} Airlock inspects`): IcapReply {
    if (this.config.failOpen) return UNCHANGED;
    return this.page(tx, base, {
      title: 'Airlock could not inspect this request',
      reasons: [{ ruleId: 'icap_body_too_large', message: `${what}, and this proxy does not let uninspected content through to AI services.` }],
      service: null,
      decisionId: null,
      code: 'airlock_body_too_large',
    });
  }

  /** The policy is not loaded, or the text is over what one decision inspects: fail-open or fail-closed. */
  private failure(tx: IcapTransaction, base: Base, err: unknown): IcapReply {
    if (err instanceof AppError && err.code === 'payload_too_large') return this.overflow(tx, base);
    if (!(err instanceof AppError)) this.logger.error(`ICAP decision failed: ${(err as Error).message}`);
    if (this.config.failOpen) return UNCHANGED;
    return this.page(tx, base, {
      title: 'Airlock could not decide on this request',
      reasons: [{ ruleId: 'icap_unavailable', message: err instanceof AppError ? err.message : 'Airlock could not decide; try again shortly.' }],
      service: null,
      decisionId: null,
      code: 'airlock_unavailable',
    });
  }

  /** The proxy's client address header (X-Client-IP), when it is an address. */
  private clientIp(head: IcapRequestHead): string | undefined {
    const raw = head.headers.get(this.config.clientIpHeader)?.split(',')[0]?.trim();
    if (!raw || !ipaddr.isValid(raw)) return undefined;
    return ipaddr.process(raw).toString();
  }

  /**
   * The proxy's authenticated user (X-Authenticated-User): plain or base64, with a `scheme://`
   * prefix (`Local://alice`, `WinNT://DOMAIN/alice`) reduced to the name; an e-mail address names
   * the subject by e-mail (the directory gives its groups), a bare name gets AIRLOCK_ICAP_USER_DOMAIN.
   */
  private subjectOf(head: IcapRequestHead): DecisionRequestInput['subject'] {
    let raw = head.headers.get(this.config.userHeader)?.trim();
    if (!raw) return undefined;
    if (this.config.userEncoding === 'base64') {
      if (!/^[A-Za-z0-9+/=]{1,1400}$/.test(raw)) return undefined;
      raw = Buffer.from(raw, 'base64').toString('utf8').trim();
    }
    const name = proxyUserName(raw);
    if (!name) return undefined;
    const email = name.includes('@') ? name : this.config.userDomain ? `${name}@${this.config.userDomain}` : null;
    if (email && /^[^\s@]{1,64}@[A-Za-z0-9.-]{1,253}$/.test(email)) return { email: email.toLowerCase() };
    return /^[\x21-\x7e]{1,256}$/.test(name) ? { id: name } : undefined;
  }
}

const UNCHANGED: IcapReply = { kind: 'unchanged' };
/** Answer types whose text RESPMOD inspects. */
const TEXT_TYPES = /^\s*(text\/|application\/(json|[\w.+-]*\+json|x-ndjson|xml|[\w.+-]*\+xml|x-www-form-urlencoded|javascript))/i;

/**
 * An AI service of the organization's catalog. (The engine counts any destination a client sends
 * data to as an unknown AI service, since decision clients ask about AI services only; a proxy sees
 * every web form, so outside the catalog is not an AI service here.)
 */
function isAi(decision: { provider: unknown }): boolean {
  return decision.provider !== null;
}
const UNCHANGED_PLAN: IcapPlan = { kind: 'reply', reply: UNCHANGED };

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.slice(0, 1024);
  } catch {
    return url.slice(0, 1024);
  }
}

/**
 * The body without its Content-Encoding (gzip, deflate, br; bounded by the limit), null for an
 * encoding that cannot be read (inspected as opaque), 'too-large' past the limit.
 */
function decodeBody(body: Buffer, encoding: string | undefined, max: number): Buffer | null | 'too-large' {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === '' || e === 'identity') return body;
  const options = { maxOutputLength: max };
  try {
    if (e === 'gzip' || e === 'x-gzip') return zlib.gunzipSync(body, options);
    if (e === 'deflate') return zlib.inflateSync(body, options);
    if (e === 'br') return zlib.brotliDecompressSync(body, options);
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    return null;
  }
  return null;
}

/** FNV-1a, 32 bits, in hex: a short tag of a string. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MiB` : `${Math.round(n / 1024)} KiB`;
}

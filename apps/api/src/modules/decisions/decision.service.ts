import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { type DecisionRequestInput, type DecisionResponse, MAX_CONTENT_BYTES, type PolicyBundle } from '@airlock/contracts';
import type { CatalogProvider, DecisionReason, PolicyRule } from '@airlock/policy-engine';
import { bundleWatchHosts } from '@airlock/discovery';
import { exceedsUtf8Bytes, type LocalDecision, refusedAssertion, resolveRequest, toDecisionResponse } from '@airlock/decision-core';
import type { Finding } from '@airlock/detectors';
import { AppError } from '../../common/errors';
import type { ApiClientAuth } from '../auth/auth-context';
import type { AutomaticIncidentEntry } from '../incidents/automatic-incidents.service';
import { IncidentsService } from '../incidents/incidents.service';
import { MetricsService } from '../metrics/metrics.service';
import type { CompiledPolicy } from '../policy/compiled-policy';
import { PolicyRuntime } from '../policy/policy-runtime.service';
import { SecretsService } from '../secrets/secrets.service';
import { ExceptionRuntime } from '../exceptions/exception-runtime.service';
import { knownAiServices } from '../discovery/known-ai-services';
import { decide } from './decide';
import { type BundleBody, BundleBodies } from './bundle-bodies';
import { type DecisionLogEntry, DecisionLogWriter } from './decision-log.writer';
import { SubjectDirectoryService } from './subject-directory.service';
import { OFF_LOOP_TEXT_CHARS, TextInspectionPool } from './text-inspection.pool';

const NONE: readonly string[] = Object.freeze([]);

/** The bundle's watchHosts per compiled policy (its rules and catalog never change). */
const watchHostsCache = new WeakMap<object, string[]>();
function watchHostsOf(snapshot: { rules: PolicyRule[]; catalog: CatalogProvider[] }): string[] {
  let hosts = watchHostsCache.get(snapshot);
  if (!hosts) {
    hosts = bundleWatchHosts(snapshot.rules, snapshot.catalog, knownAiServices());
    watchHostsCache.set(snapshot, hosts);
  }
  return hosts;
}

/** See DecisionService.prepare. */
export interface PreparedChecks {
  contentMatters: boolean;
  baseline: LocalDecision;
  check(text: string): LocalDecision;
  /**
   * What the last check found, when `text` is the text it checked and its policy is still the one
   * loaded; else undefined. See decideOneAsync's `checked`.
   */
  lastInspected(text: string): Inspected | undefined;
}

/** See DecisionService.decideDeferred. */
export interface DeferredDecision {
  response: DecisionResponse;
  /** Writes the log entry (once), with the tokens of the call when known. */
  log(tokens: { input: number; output: number } | null): void;
}

/** A text's findings, found beforehand (off the event loop, or by a prepared check) by the inspector of `policy`; `started` when that began. */
export interface Inspected {
  policy: CompiledPolicy;
  findings: Finding[];
  started: number;
}

/**
 * `inlineWhenBusy`: when the inspection thread refuses a long text (its queue is full, it was
 * restarted), decide it on the event loop rather than fail: for decisions that must not be lost
 * (an answer the upstream was already paid for, a log entry of an answer already sent, a proxy's
 * body), the stall is the lesser harm.
 */
export interface OffLoopOptions {
  inlineWhenBusy?: boolean;
}

/**
 * `checked`: the prepared checks of the same request shape (the gateway's look-back checks of a
 * streamed answer). A text their last check inspected (a short answer, whole in its last window) is
 * decided with those findings rather than inspected again.
 */
export interface CheckedOptions {
  checked?: PreparedChecks;
}

/**
 * `log: false` answers without a log entry, an automatic incident or a metric. `redactedText:
 * false` leaves the answer's redactedText out: for callers that mask their texts themselves from the
 * findings and redactedClasses (the AI gateway, the guardrail endpoints), which would otherwise pay
 * a second pass over a text of up to 1 MiB on the event loop for a text they do not read.
 */
export interface DecideCallOptions {
  log?: boolean;
  redactedText?: boolean;
}

/** Reason lists are shared between decisions with the same outcome: map each to its rule ids once. */
const ruleIdCache = new WeakMap<readonly DecisionReason[], readonly string[]>();
function ruleIdsOf(reasons: readonly DecisionReason[]): readonly string[] {
  let ids = ruleIdCache.get(reasons);
  if (!ids) {
    ids = Object.freeze(reasons.map((r) => r.ruleId));
    ruleIdCache.set(reasons, ids);
  }
  return ids;
}

/**
 * The decision path: memory only. Policy from PolicyRuntime, inspection and evaluation in `decide`,
 * the log entry handed to the buffered writer.
 */
@Injectable()
export class DecisionService {
  private readonly bodies = new BundleBodies();

  constructor(
    private readonly runtime: PolicyRuntime,
    private readonly writer: DecisionLogWriter,
    private readonly metrics: MetricsService,
    private readonly secrets: SecretsService,
    private readonly incidents: IncidentsService,
    private readonly directory: SubjectDirectoryService,
    private readonly exceptions: ExceptionRuntime,
    private readonly inspection: TextInspectionPool,
  ) {}

  /**
   * `connectionIp`: the address of the connection (request.ip, with AIRLOCK_TRUST_PROXY applied),
   * used for the network zones when the request has no `context.ip`.
   * `log: false` (the gateway's per-chunk look-back checks of a streamed answer) answers without
   * a log entry, an automatic incident or a metric; the gateway logs one decision for the whole.
   */
  decideOne(client: ApiClientAuth, input: DecisionRequestInput, correlationId?: string, connectionIp?: string, opts: DecideCallOptions = {}): DecisionResponse {
    const { response, entry } = this.evaluate(client, input, correlationId, connectionIp, opts.log !== false, undefined, opts.redactedText);
    if (entry) this.commit(entry);
    return response;
  }

  /**
   * decideOne, except that a text of OFF_LOOP_TEXT_CHARS or more is first inspected in the
   * inspection thread (TextInspectionPool) and the answer is a promise: the detectors on a 1 MiB
   * text cost a fifth of a second or more of CPU, which would hold every other request of this
   * worker. The decision is then made with those findings and the policy that found them, exactly
   * as decideOne would have made it. Shorter texts are decided at once, as by decideOne.
   */
  decideOneAsync(client: ApiClientAuth, input: DecisionRequestInput, correlationId?: string, connectionIp?: string, opts: DecideCallOptions & OffLoopOptions & CheckedOptions = {}): DecisionResponse | Promise<DecisionResponse> {
    const checked = opts.checked && input.content?.text !== undefined ? opts.checked.lastInspected(input.content.text) : undefined;
    if (checked) {
      const { response, entry } = this.evaluate(client, input, correlationId, connectionIp, opts.log !== false, checked, opts.redactedText);
      if (entry) this.commit(entry);
      return response;
    }
    const inspecting = this.inspectOffLoop(client, input, opts);
    if (!inspecting) return this.decideOne(client, input, correlationId, connectionIp, opts);
    return inspecting.then((inspected) => {
      const { response, entry } = this.evaluate(client, input, correlationId, connectionIp, opts.log !== false, inspected ?? undefined, opts.redactedText);
      if (entry) this.commit(entry);
      return response;
    });
  }

  /**
   * A decision whose log entry waits for its outcome (an AI gateway call's prompt, logged once the
   * upstream's answer is complete, with the tokens it reported): the entry is made now (time,
   * latency, keyed hash: the text is not kept), and written, with its incident and metrics, when
   * `log` is first called. Later calls do nothing, so every way out of a call may call it.
   */
  decideDeferred(client: ApiClientAuth, input: DecisionRequestInput, correlationId?: string, connectionIp?: string, opts: Pick<DecideCallOptions, 'redactedText'> = {}): DeferredDecision {
    return this.deferred(this.evaluate(client, input, correlationId, connectionIp, true, undefined, opts.redactedText));
  }

  /** decideDeferred, with a long text inspected off the event loop as by decideOneAsync. */
  decideDeferredAsync(client: ApiClientAuth, input: DecisionRequestInput, correlationId?: string, connectionIp?: string, opts: OffLoopOptions & Pick<DecideCallOptions, 'redactedText'> = {}): DeferredDecision | Promise<DeferredDecision> {
    const inspecting = this.inspectOffLoop(client, input, opts);
    if (!inspecting) return this.decideDeferred(client, input, correlationId, connectionIp, opts);
    return inspecting.then((inspected) => this.deferred(this.evaluate(client, input, correlationId, connectionIp, true, inspected ?? undefined, opts.redactedText)));
  }

  /**
   * The findings of a text of OFF_LOOP_TEXT_CHARS or more, found in the inspection thread by the
   * inspector of the policy now loaded, with that policy; undefined when the text is to be decided
   * on the event loop (short, none, no inspector, over the size limit, which decide refuses, or an
   * assertion the client may not make, which it refuses too). With `inlineWhenBusy`, a thread that
   * refuses the text (its queue full, restarted) resolves to null: decided on the event loop.
   */
  private inspectOffLoop(client: ApiClientAuth, input: DecisionRequestInput, opts: OffLoopOptions): Promise<Inspected | null> | undefined {
    const text = input.content?.text;
    if (text === undefined || text.length < OFF_LOOP_TEXT_CHARS) return undefined;
    const policy = this.runtime.get(client.organizationId);
    if (!policy?.inspector || exceedsUtf8Bytes(text, MAX_CONTENT_BYTES) || refusedAssertion(input, client.rights)) return undefined;
    const started = performance.now();
    const inspected = this.inspection.inspect(policy, text).then((findings): Inspected => ({ policy, findings, started }));
    if (!opts.inlineWhenBusy) return inspected;
    return inspected.catch((err: unknown) => {
      if (err instanceof AppError && (err.code === 'rate_limited' || err.code === 'unavailable')) return null;
      throw err;
    });
  }

  private deferred({ response, entry }: { response: DecisionResponse; entry: DecisionLogEntry | null }): DeferredDecision {
    let pending: DecisionLogEntry | null = entry;
    return {
      response,
      log: (tokens) => {
        if (!pending) return;
        const e = pending;
        pending = null;
        if (tokens) {
          e.inputTokens = tokens.input;
          e.outputTokens = tokens.output;
        }
        this.commit(e);
      },
    };
  }

  /** The decision, and its log entry when it is to be logged. */
  private evaluate(
    client: ApiClientAuth,
    input: DecisionRequestInput,
    correlationId: string | undefined,
    connectionIp: string | undefined,
    log: boolean,
    /** decideOneAsync, decideDeferredAsync: the text's findings, found off the event loop */
    inspected?: Inspected,
    /** false: no redactedText in the answer (DecideCallOptions) */
    redactedText?: boolean,
  ): { response: DecisionResponse; entry: DecisionLogEntry | null } {
    const started = inspected?.started ?? performance.now();
    const policy = inspected?.policy ?? this.runtime.get(client.organizationId);
    if (!policy) throw new AppError('unavailable', 'The policy of this organization is not loaded yet; retry shortly', undefined, { 'retry-after': '1' });
    const refused = refusedAssertion(input, client.rights);
    if (refused) throw new AppError('forbidden', refused.message, [refused]);
    // The subject's groups from the directory (plus the client's, when it may assert them); the
    // connection's address when the client sent none. The same resolution as LocalDecider's.
    const resolved = resolveRequest(input, this.directory.get(client.organizationId)?.directory ?? null, connectionIp);
    const req = resolved.request as DecisionRequestInput;
    const now = new Date();
    const exceptions = this.exceptions.get(client.organizationId);
    const result = decide(policy, req, exceptions || inspected || redactedText === false ? { exceptions, now: now.getTime(), findings: inspected?.findings, redactedText } : undefined);
    const { decision } = result;
    const micros = (performance.now() - started) * 1000;
    const stale = this.runtime.staleSeconds(now.getTime());
    // Time-ordered (UUIDv7, RFC 9562): ids sort by time, and an id carries its millisecond, so a
    // log row is found by its key (organizationId, time, id) from the organization and the id.
    const decisionId = uuidv7();
    const entry = log ? this.entryOf(client, req, decision, decisionId, now, policy.version, req.content?.text, correlationId, micros, stale?.seconds ?? null) : null;
    const response = toDecisionResponse(result, {
      decisionId,
      requestId: req.requestId,
      correlationId,
      action: req.action,
      ipSource: resolved.ipSource,
      policyVersion: policy.version,
      decisionTtlSeconds: policy.snapshot.settings.decisionTtlSeconds,
      evaluatedAt: now.toISOString(),
      stale: stale ? { since: stale.since.toISOString(), seconds: stale.seconds } : null,
    });
    return { response, entry };
  }

  /**
   * Many unlogged checks of one request shape with different texts (the gateway's look-back checks
   * of a streamed answer): the policy, the client's rights, the subject's groups and the connection's
   * zones are resolved once, and each check is the pure decision alone (no log entry, id, incident
   * or metric: the gateway logs one decision for the whole answer). `contentMatters` false: no text
   * can change a block or a redaction for this request (Evaluator.contentCanMatter), so every check
   * would answer like `baseline`, the decision without text.
   */
  prepare(client: ApiClientAuth, input: Omit<DecisionRequestInput, 'content'>, connectionIp?: string): PreparedChecks {
    const policy = this.runtime.get(client.organizationId);
    if (!policy) throw new AppError('unavailable', 'The policy of this organization is not loaded yet; retry shortly', undefined, { 'retry-after': '1' });
    const refused = refusedAssertion(input as DecisionRequestInput, client.rights);
    if (refused) throw new AppError('forbidden', refused.message, [refused]);
    const req = resolveRequest(input as DecisionRequestInput, this.directory.get(client.organizationId)?.directory ?? null, connectionIp).request as DecisionRequestInput;
    const { action, destination, subject, context } = req;
    // The organization's time-limited exceptions, checked against the time of each check.
    const exceptions = this.exceptions.get(client.organizationId);
    // The gateway masks what it checks itself: the checks build no redacted text.
    const options = () => ({ exceptions, now: Date.now(), redactedText: false });
    // The last check's text, findings and duration (the inspection's, counted in the latency of the
    // decision that reuses them).
    let last: { text: string; findings: Finding[]; millis: number } | null = null;
    return {
      contentMatters: policy.evaluator.contentCanMatter({ action, destination, subject, context }),
      baseline: decide(policy, { action, destination, subject, context }, options()),
      check: (text: string) => {
        const started = performance.now();
        const result = decide(policy, { action, destination, subject, context, content: { text } }, options());
        last = { text, findings: result.findings, millis: performance.now() - started };
        return result;
      },
      lastInspected: (text: string) => {
        if (last?.text !== text || this.runtime.get(client.organizationId) !== policy) return undefined;
        return { policy, findings: last.findings, started: performance.now() - last.millis };
      },
    };
  }

  /** The log entry of a decision (metadata and at most a keyed hash of the text). */
  private entryOf(
    client: ApiClientAuth,
    req: DecisionRequestInput,
    decision: ReturnType<typeof decide>['decision'],
    decisionId: string,
    now: Date,
    policyVersion: number,
    text: string | undefined,
    correlationId: string | undefined,
    micros: number,
    staleSeconds: number | null,
  ): DecisionLogEntry {
    return {
      id: decisionId,
      time: now,
      organizationId: client.organizationId,
      apiClientId: client.clientId,
      policyVersion,
      providerSlug: decision.provider?.slug ?? null,
      destinationHost: decision.destination.host,
      action: req.action,
      channel: req.context?.channel ?? null,
      // The engine's arrays are frozen and shared between decisions: referenced, never copied.
      networkZones: decision.networkZones,
      subjectId: req.subject?.id ?? req.subject?.email ?? null,
      // The groups the decision considered (directory and client), so the impact preview replays them.
      subjectGroups: req.subject?.groups ?? NONE,
      effect: decision.effect,
      ruleIds: ruleIdsOf(decision.reasons),
      dataClasses: decision.dataClasses,
      contentHmac: text ? this.secrets.contentHmac(text) : null,
      correlationId: correlationId ?? req.requestId ?? null,
      latencyMicros: Math.round(micros),
      staleSeconds,
    };
  }

  /** The log entry to the writer, the automatic incident of a block, the metrics. */
  private commit(entry: DecisionLogEntry): void {
    this.writer.push(entry);
    if (entry.effect === 'block') {
      // Cheap and synchronous: queued in memory, opened (if the organization enabled it) off the request path.
      this.incidents.queueAutomaticIncident(automaticIncidentOf(entry));
    }
    this.metrics.decisionsByEffect[entry.effect].inc();
    this.metrics.decisionSeconds.observe(entry.latencyMicros / 1e6);
  }

  /**
   * The bundle's ETag for this client: the policy version and content, the directory's content, the
   * exceptions, the known AI services list (watchHosts: a new release may ship a new one) and what the
   * client may assert. null before the policy is loaded.
   */
  bundleEtag(client: ApiClientAuth): string | null {
    return this.bundleState(client)?.etag ?? null;
  }

  /**
   * The bundle's ETag, and its body (the compiled policy, catalog and zones for local evaluation by
   * the SDK and the extension, with the hashed directory and the exceptions) as UTF-8 JSON, made
   * only when asked (a revalidation needs the ETag alone) and then once per ETag (BundleBodies).
   */
  bundle(client: ApiClientAuth): { etag: string; body(): BundleBody } {
    const state = this.bundleState(client);
    if (!state) throw new AppError('unavailable', 'The policy of this organization is not loaded yet; retry shortly', undefined, { 'retry-after': '1' });
    return { etag: state.etag, body: () => this.bodies.get(client.organizationId, state.etag, state.content, Date.now(), () => this.bundleBody(client, state)) };
  }

  /** What the ETag is made of, read together so that a body made from it matches it. */
  private bundleState(client: ApiClientAuth) {
    const policy = this.runtime.get(client.organizationId);
    if (!policy) return null;
    const directory = this.directory.bundleJson(client.organizationId);
    const r = client.rights;
    const rights = `${r.groups ? 'g' : ''}${r.ip ? 'i' : ''}${r.zones === 'any' ? 'z' : r.zones.join('.')}`;
    const content = `v${policy.version}-${policy.contentHash.slice(0, 16)}-${directory.stamp}-${this.exceptions.stamp(client.organizationId)}-k${knownAiServices().version}`;
    return { policy, directory, content, etag: `"${content}-${rights}"` };
  }

  private bundleBody(client: ApiClientAuth, { policy, directory }: NonNullable<ReturnType<DecisionService['bundleState']>>): { body: Promise<Buffer>; until: number } {
    const { rules, catalog, zones, detectors, settings } = policy.snapshot;
    const r = client.rights;
    // Time-limited exceptions in force (people by the directory's salted hash): the local
    // evaluator honours them and checks each expiresAt itself, so expiry needs no new bundle; the
    // body is made again once the first of them has expired, as if it had not been kept.
    const exceptions = this.exceptions.bundle(client.organizationId);
    const rest: Omit<PolicyBundle, 'directory'> = {
      policyVersion: policy.version,
      contentHash: policy.contentHash,
      publishedAt: policy.compiledAt.toISOString(),
      rules,
      catalog,
      zones,
      detectors: {
        classes: [...policy.evaluator.classesReferenced].sort(),
        settings: {
          allowEmailDomains: settings.allowEmailDomains,
          markings: settings.markings,
          defaultPhoneRegion: settings.defaultPhoneRegion,
          // versions published before these settings existed lack them; the note is the admins' own
          allowedValues: (settings.allowedValues ?? []).map(({ value, dataClass }) => (dataClass ? { value, dataClass } : { value })),
          classThresholds: settings.classThresholds ?? {},
        },
        custom: detectors.filter((d) => d.enabled),
      },
      settings: { restrictedJurisdictions: settings.restrictedJurisdictions, decisionTtlSeconds: settings.decisionTtlSeconds },
      exceptions,
      // Hosts beyond the catalog the extension watches (unknown AI destinations): the known list,
      // when a rule matches unknown AI destinations; a policy change adds or removes them.
      watchHosts: watchHostsOf(policy.snapshot),
      client: { mayAssertGroups: r.groups, mayAssertIp: r.ip, mayAssertZones: r.zones === 'any' ? ('any' as const) : [...r.zones] },
    };
    // Everything but the directory is small; the directory (megabytes for a large organization) is
    // serialised once per loaded directory, in slices (SubjectDirectoryService), and spliced in last.
    const head = JSON.stringify(rest);
    const body = directory.json().then((json) => Buffer.concat([Buffer.from(`${head.slice(0, -1)},"directory":`, 'utf8'), json, Buffer.from('}')]));
    return { body, until: Math.min(Infinity, ...exceptions.map((e) => Date.parse(e.expiresAt))) };
  }
}

/** What the automatic-incident queue takes from a logged decision (served here or reported by a client). */
export function automaticIncidentOf(entry: DecisionLogEntry): AutomaticIncidentEntry {
  return {
    organizationId: entry.organizationId,
    decisionId: entry.id,
    effect: entry.effect,
    providerSlug: entry.providerSlug,
    destinationHost: entry.destinationHost,
    dataClasses: entry.dataClasses,
    ruleIds: entry.ruleIds,
    subject: entry.subjectId,
    time: entry.time,
    overrideReason: entry.overrideReason ?? null,
  };
}

import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Finding } from '@airlock/detectors';
import { AppError } from '../../common/errors';
import type { CompiledPolicy } from '../policy/compiled-policy';

/**
 * Texts at least this long (UTF-16 code units) are inspected off the event loop. The detectors cost
 * 50-200 ms of CPU per MB on this project's 2-core machines, so a text of 1 MiB (the limit) would
 * hold the worker, and every decision it answers, for a fifth of a second or more; 64 KiB costs a
 * few milliseconds inline, less than the round trip to a thread would save.
 */
export const OFF_LOOP_TEXT_CHARS = 64 * 1024;
/** Texts waiting for (or in) the inspection thread before more are refused with a 429. */
const MAX_PENDING = 32;
/** The longest one inspection may take before the thread is ended and the decision fails (503). */
const DEADLINE_MS = 30_000;

/**
 * Runs in the thread: @airlock/decision-core's compiled build compiles the policy's inspector from
 * the same material the server compiled it from (kept for the last four policies, by the key the
 * server sends) and inspects each text. A key it no longer holds is answered `missing`: the server
 * sends it again with the material.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { compileDecisionPolicy } = require(workerData.lib);
const inspectors = new Map();
parentPort.on('message', (m) => {
  try {
    let inspector = inspectors.get(m.key);
    if (inspector === undefined) {
      if (!m.material) return parentPort.postMessage({ id: m.id, missing: true });
      inspector = compileDecisionPolicy(m.material).inspector;
      if (inspectors.size >= 4) inspectors.delete(inspectors.keys().next().value);
    } else inspectors.delete(m.key);
    inspectors.set(m.key, inspector);
    parentPort.postMessage({ id: m.id, findings: inspector ? inspector.inspect(m.text) : [] });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) });
  }
});
`;

interface Pending {
  policy: CompiledPolicy;
  text: string;
  resolve(findings: Finding[]): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Inspects long texts in one worker thread per API process, with the inspector of the policy that
 * decides them: the decision itself (evaluation, exceptions, redaction) stays on the event loop and
 * takes these findings (decision-core DecideOptions.findings), so it answers exactly as if it had
 * inspected the text itself. The thread starts on the first long text and is restarted after a crash
 * or a deadline.
 */
@Injectable()
export class TextInspectionPool implements OnModuleDestroy {
  private readonly logger = new Logger('TextInspection');
  private readonly lib = path.join(path.dirname(require.resolve('@airlock/decision-core/package.json')), 'dist/index.js');
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** The findings of `text` by `policy`'s inspector (which must exist), found off the event loop. */
  inspect(policy: CompiledPolicy, text: string): Promise<Finding[]> {
    if (this.pending.size >= MAX_PENDING) {
      return Promise.reject(new AppError('rate_limited', 'Many long texts are being inspected; retry in a moment', undefined, { 'retry-after': '1' }));
    }
    return new Promise<Finding[]>((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.restart(new AppError('unavailable', `Inspecting the text took more than ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
      this.pending.set(id, { policy, text, resolve, reject, timer });
      this.send(id, false);
    });
  }

  /** Ends the thread; texts still in it fail (503) rather than wait for the deadline. */
  onModuleDestroy(): void {
    this.restart(new AppError('unavailable', 'The server is stopping; retry on another instance', undefined, { 'retry-after': '1' }));
  }

  private send(id: number, withMaterial: boolean): void {
    const p = this.pending.get(id);
    if (!p) return;
    const { snapshot } = p.policy;
    this.thread().postMessage({
      id,
      key: `${p.policy.organizationId} ${p.policy.contentHash}`,
      text: p.text,
      material: withMaterial ? { rules: snapshot.rules, catalog: snapshot.catalog, zones: snapshot.zones, custom: snapshot.detectors, settings: snapshot.settings } : undefined,
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { lib: this.lib }, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    worker.unref();
    worker.on('message', (m: { id: number; findings?: Finding[]; missing?: boolean; error?: string }) => {
      if (m.missing) return this.send(m.id, true);
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.findings) p.resolve(m.findings);
      else {
        // A detector that throws on a text is a bug: logged (never the text), answered with a 503.
        this.logger.error(`Inspecting a text of ${p.text.length} characters failed: ${m.error}`);
        p.reject(new AppError('unavailable', 'The text could not be inspected; retry shortly', undefined, { 'retry-after': '1' }));
      }
    });
    worker.on('error', (err) => this.restart(err));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.restart(new Error(`The inspection thread stopped (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  /** Ends the thread (a crash or a deadline) and fails what it held; the next long text starts a new one. */
  private restart(err: Error): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
    if (this.pending.size > 0) this.logger.warn(`Inspection thread restarted, ${this.pending.size} text(s) failed: ${err.message}`);
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      clearTimeout(p.timer);
      p.reject(err instanceof AppError ? err : new AppError('unavailable', 'The text could not be inspected; retry shortly', undefined, { 'retry-after': '1' }));
    }
  }
}

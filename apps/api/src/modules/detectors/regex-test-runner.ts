import { Worker } from 'node:worker_threads';
import { type CustomDetectorDef, CUSTOM_REGEX_LIMITS, customRegexSource, type Finding } from '@airlock/detectors';
import { AppError } from '../../common/errors';

/** How long a pattern test may run, and how many may run at once in this process. */
export const REGEX_TEST_LIMITS = { deadlineMs: 2_000, concurrent: 2 } as const;

/**
 * Runs in the worker: the same program (customRegexSource) and the same scan limit
 * (customRegexScanLimit, recomputed here from CUSTOM_REGEX_LIMITS) as a decision, so a test shows
 * what decisions will find. Plain CommonJS, evaluated by the worker: no TypeScript loader needed.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { RE2JS } = require(workerData.re2js);
const { source, flags, sample, scanBudget, minProgramCost } = workerData;
const re = RE2JS.compile(source, flags);
const limit = Math.floor(scanBudget / Math.max(re.matcher('').programSize(), minProgramCost));
const m = re.matcher(sample.length > limit ? sample.slice(0, limit) : sample);
const spans = [];
while (m.find()) if (m.end() > m.start()) spans.push(m.start(), m.end());
parentPort.postMessage(spans);
`;

/**
 * Pattern tests off the event loop: each regex test runs in a worker thread that is terminated at
 * the deadline (422), so a costly pattern or sample never stops the server from answering.
 */
export class RegexTestRunner {
  private running = 0;
  private readonly re2js = require.resolve('re2js');

  constructor(private readonly limits: { deadlineMs: number; concurrent: number } = REGEX_TEST_LIMITS) {}

  async run(def: CustomDetectorDef, sample: string): Promise<Finding[]> {
    if (this.running >= this.limits.concurrent) {
      throw new AppError('rate_limited', 'Other pattern tests are running; retry in a moment', undefined, { 'retry-after': '1' });
    }
    this.running++;
    try {
      const { source, flags } = customRegexSource(def);
      const spans = await this.inWorker({ re2js: this.re2js, source, flags, sample, scanBudget: CUSTOM_REGEX_LIMITS.scanBudget, minProgramCost: CUSTOM_REGEX_LIMITS.minProgramCost });
      const detector = 'custom:' + def.id;
      const findings: Finding[] = [];
      for (let i = 0; i < spans.length; i += 2) findings.push({ dataClass: def.dataClass, detector, start: spans[i]!, end: spans[i + 1]!, confidence: 0.9 });
      return findings;
    } finally {
      this.running--;
    }
  }

  private inWorker(workerData: Record<string, unknown>): Promise<number[]> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData, resourceLimits: { maxOldGenerationSizeMb: 128 } });
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(AppError.unprocessable(`The pattern test took too long (over ${this.limits.deadlineMs / 1000} s): simplify the pattern or shorten the sample`));
      }, this.limits.deadlineMs);
      worker.once('message', (spans: number[]) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(spans);
      });
      worker.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`pattern test worker exited with code ${code}`));
      });
    });
  }
}

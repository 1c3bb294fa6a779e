import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileText } from '@airlock/file-text';
import { AppError } from '../../common/errors';

/** How long reading one file may take, how many may be read at once, and the reader's heap. */
export const FILE_TEXT_RUN_LIMITS = { deadlineMs: 20_000, concurrent: 2, maxOldGenerationSizeMb: 512 } as const;

/**
 * Runs in the worker: @airlock/file-text's compiled build (plain CommonJS, no TypeScript loader
 * needed), given the file's bytes (transferred, not copied).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { extractFileText } = require(workerData.lib);
extractFileText(new Uint8Array(workerData.data), workerData.file).then(
  (r) => parentPort.postMessage(r),
  (e) => parentPort.postMessage({ format: 'unsupported', error: String((e && e.message) || e) }),
);
`;

/**
 * Reads the text of uploaded files off the event loop: each file in a worker thread with a memory
 * limit (a zip that lies about its sizes runs out of memory there, not in the API) that is ended at
 * the deadline, so a costly PDF never stops the server from answering.
 */
export class FileTextRunner {
  private running = 0;
  private readonly lib = path.join(path.dirname(require.resolve('@airlock/file-text/package.json')), 'dist/index.js');

  constructor(private readonly limits: { deadlineMs: number; concurrent: number; maxOldGenerationSizeMb: number } = FILE_TEXT_RUN_LIMITS) {}

  async extract(data: Buffer, file: { name: string; type?: string }): Promise<FileText> {
    if (this.running >= this.limits.concurrent) {
      throw new AppError('rate_limited', 'Other files are being read; retry in a moment', undefined, { 'retry-after': '1' });
    }
    this.running++;
    try {
      // A copy the worker owns: the request's buffer may be a slice of a larger pooled one.
      const bytes = new Uint8Array(data).buffer;
      return await new Promise<FileText>((resolve, reject) => {
        const worker = new Worker(WORKER_SOURCE, {
          eval: true,
          workerData: { lib: this.lib, data: bytes, file },
          transferList: [bytes],
          resourceLimits: { maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb },
          stdout: true,
          stderr: true,
        });
        const timer = setTimeout(() => {
          void worker.terminate();
          reject(AppError.unprocessable(`The file could not be read within ${this.limits.deadlineMs / 1000} s`));
        }, this.limits.deadlineMs);
        worker.once('message', (r: FileText) => {
          clearTimeout(timer);
          void worker.terminate();
          resolve(r);
        });
        worker.once('error', (err: Error & { code?: string }) => {
          clearTimeout(timer);
          // Out of memory in the worker: a file that unpacks to far more than it says.
          resolve({ format: 'unsupported', error: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the file needs more memory to read than allowed' : err.message });
        });
      });
    } finally {
      this.running--;
    }
  }
}

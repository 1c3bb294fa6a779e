import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_CONTENT_BYTES } from '@airlock/contracts';
import type { FileText } from '@airlock/file-text';
import { AppError } from '../../common/errors';

/**
 * How long reading one file may take, how many may be read at once, the reader's JavaScript heap,
 * and all the memory its process may hold (heap, buffers and the inflated streams of a PDF or zip).
 */
export const FILE_TEXT_RUN_LIMITS = { deadlineMs: 20_000, concurrent: 2, maxOldGenerationSizeMb: 512, maxRssMb: 1536 } as const;

/**
 * Runs in the reader process: @airlock/file-text's compiled build (plain CommonJS, no TypeScript
 * loader needed), given the file's bytes over IPC. Nothing is written to stdout or stderr.
 */
const READER_SOURCE = `
const { extractFileText } = require(process.argv[1]);
process.once('message', ({ data, file, limits }) => {
  extractFileText(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), file, limits).then(
    (r) => process.send(r, () => process.exit(0)),
    (e) => process.send({ format: 'unsupported', error: String((e && e.message) || e) }, () => process.exit(0)),
  );
});
`;

const OUT_OF_MEMORY = 'the file needs more memory to read than allowed (its content unpacks to far more than its size)';

/** The resident memory of a process in MiB (Linux /proc), or null where it cannot be known. */
function rssMb(pid: number): number | null {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(pages) ? (pages * 4096) / 1048576 : null;
  } catch {
    return null;
  }
}

/**
 * Reads the text of uploaded files off the API's process: each file in a short-lived child process
 * with a heap limit, a memory ceiling (checked every 50 ms) and a deadline, so a file that unpacks
 * to far more than its size, or a costly PDF, ends that process and never the API (a worker thread
 * that reaches its heap limit can take the whole process down with it) nor stops it answering.
 */
export class FileTextRunner {
  private running = 0;
  private readonly lib = path.join(path.dirname(require.resolve('@airlock/file-text/package.json')), 'dist/index.js');

  constructor(private readonly limits: { deadlineMs: number; concurrent: number; maxOldGenerationSizeMb: number; maxRssMb: number } = FILE_TEXT_RUN_LIMITS) {}

  async extract(data: Buffer, file: { name: string; type?: string }): Promise<FileText> {
    if (this.running >= this.limits.concurrent) {
      throw new AppError('rate_limited', 'Other files are being read; retry in a moment', undefined, { 'retry-after': '1' });
    }
    this.running++;
    let child: ChildProcess | undefined;
    try {
      return await new Promise<FileText>((resolve, reject) => {
        child = spawn(process.execPath, [`--max-old-space-size=${this.limits.maxOldGenerationSizeMb}`, '-e', READER_SOURCE, this.lib], {
          // The reader needs no configuration or secrets of the API.
          env: { PATH: process.env.PATH ?? '' },
          stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
          serialization: 'advanced',
        });
        const reader = child;
        let settled = false;
        const finish = (fn: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          clearTimeout(watch);
          fn();
        };
        const timer = setTimeout(() => finish(() => reject(AppError.unprocessable(`The file could not be read within ${this.limits.deadlineMs / 1000} s`))), this.limits.deadlineMs);
        // The reader's memory every 50 ms (one timer at a time, per file, for at most the deadline).
        const check = () => {
          const mb = reader.pid === undefined ? null : rssMb(reader.pid);
          if (mb !== null && mb > this.limits.maxRssMb) finish(() => resolve({ format: 'unsupported', error: OUT_OF_MEMORY }));
          else watch = setTimeout(check, 50);
        };
        let watch = setTimeout(check, 50);
        reader.once('message', (r: FileText) => finish(() => resolve(r)));
        // The reader could not be started (no memory, no processes left): the file is not read, and the client may retry.
        reader.once('error', () => finish(() => reject(new AppError('unavailable', 'Files cannot be read right now; retry in a moment', undefined, { 'retry-after': '5' }))));
        reader.once('exit', (code, signal) =>
          // Ended by V8 at its heap limit (SIGABRT or exit code 134), or by the system: out of memory.
          finish(() => resolve({ format: 'unsupported', error: signal || code === 134 ? OUT_OF_MEMORY : `the file could not be read (reader exited with ${code})` })),
        );
        // No more text than one decision inspects comes back (1 MiB of UTF-8 is at most as many characters).
        reader.send({ data, file, limits: { maxText: MAX_CONTENT_BYTES } }, (err) => {
          if (err) finish(() => reject(new AppError('unavailable', 'Files cannot be read right now; retry in a moment', undefined, { 'retry-after': '5' })));
        });
      });
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      this.running--;
    }
  }
}

/** The longest prefix of `text` within `maxBytes` of UTF-8 (never half a character). */
export function utf8Prefix(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes) return text;
  const { read } = new TextEncoder().encodeInto(text, new Uint8Array(maxBytes));
  return text.slice(0, read);
}

import pino from 'pino';
import type { TestApp } from './test-app';

/**
 * From now on, every line the app logs (request lines and Nest's) is pushed to the returned array
 * as well as nowhere else: the root pino logger's stream is swapped for the capture.
 */
export function captureLogLines(t: TestApp): string[] {
  const lines: string[] = [];
  const streamSym = pino.symbols.streamSym as unknown as string;
  let root: any = (t.app.getHttpAdapter().getInstance() as any).log;
  while (root && !Object.prototype.hasOwnProperty.call(root, streamSym)) root = Object.getPrototypeOf(root);
  root[streamSym] = { write: (line: string) => void lines.push(line) };
  return lines;
}

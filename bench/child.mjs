// A benchmark's helper process (a server, a mock upstream, a stand-in): started with Node, ready
// when it prints `READY <address>` on its standard output.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Starts `file` (relative to the repository) with `env` added; `ready` resolves with what follows READY. */
export function startChild(file, env, execArgv = []) {
  const child = spawn(process.execPath, [...execArgv, path.join(root, file)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    const ready = (d) => {
      out += d;
      const m = /READY (\S+)/.exec(out);
      if (!m) return;
      // What it logs after that is read and dropped, as a log shipper would read it.
      child.stdout.off('data', ready).on('data', () => undefined);
      resolve(m[1]);
    };
    child.stdout.on('data', ready);
    child.once('exit', (code) => reject(new Error(`${file} exited (${code})`)));
  });
  return { child, ready };
}

#!/usr/bin/env node
// The Airlock API for bench/http.mjs, in its own processes (the load generator must not share the
// server's event loop), with one extra bare route under /v1 on the same instance for the framework
// overhead comparison (same hooks and headers as /v1/decisions). AIRLOCK_WORKERS workers share the
// port as in production (apps/api/src/cluster.ts). Configuration comes from the environment;
// prints "READY <url>".
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { createApp } = require(path.join(root, 'apps/api/dist/server.js'));
const { loadConfig } = require(path.join(root, 'apps/api/dist/config/config.js'));
const { serveAsWorker, superviseWorkers } = require(path.join(root, 'apps/api/dist/cluster.js'));

const config = loadConfig();
const url = `http://127.0.0.1:${config.port}`;
if (cluster.isPrimary && config.workers > 1) {
  const supervisor = superviseWorkers({ count: config.workers, exec: fileURLToPath(import.meta.url), say: (line) => process.stderr.write(`${line}\n`) });
  await supervisor.ready;
  process.stdout.write(`READY ${url}\n`);
  process.once('SIGTERM', () => void supervisor.stop().then(() => process.exit(0)));
} else {
  const app = await createApp(config);
  app.getHttpAdapter().getInstance().post('/v1/bench/constant', (_req, reply) => reply.send({ effect: 'allow', reasons: [] }));
  await app.listen({ port: config.port, host: '127.0.0.1' });
  // The ICAP listener too when AIRLOCK_ICAP_PORT is set (bench/icap.mjs), as startServer does.
  if (config.icap) await app.get(require(path.join(root, 'apps/api/dist/modules/icap/icap.listener.js')).IcapListener).start();
  if (cluster.isWorker) serveAsWorker({ url, signInHelp: [], close: () => app.close() });
  else {
    process.stdout.write(`READY ${url}\n`);
    process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  }
}

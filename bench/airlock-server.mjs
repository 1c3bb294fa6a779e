#!/usr/bin/env node
// The Airlock API for bench/http.mjs, in its own process (the load generator must not share the
// server's event loop), with one extra bare Fastify route on the same instance for the framework
// overhead comparison. Configuration comes from the environment; prints "READY <url>".
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { createApp } = require(path.join(root, 'apps/api/dist/server.js'));
const { loadConfig } = require(path.join(root, 'apps/api/dist/config/config.js'));

const config = loadConfig();
const app = await createApp(config);
app.getHttpAdapter().getInstance().post('/v1/bench/constant', (_req, reply) => reply.send({ effect: 'allow', reasons: [] }));
await app.listen({ port: config.port, host: '127.0.0.1' });
process.stdout.write(`READY http://127.0.0.1:${config.port}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));

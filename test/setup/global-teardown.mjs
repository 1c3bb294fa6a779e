export default async function globalTeardown() {
  const server = globalThis.__AIRLOCK_TEST_DB__;
  if (server) await server.stop();
}

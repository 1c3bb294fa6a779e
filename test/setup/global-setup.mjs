// Starts the PostgreSQL the integration tests run against, once per jest run, and migrates a
// template database that each test file clones (CREATE DATABASE ... TEMPLATE), so files run in
// parallel on their own data. Plain Node (.mjs), outside jest's transform.
import { startTestDatabaseServer } from './test-db-server.mjs';

export default async function globalSetup() {
  const server = await startTestDatabaseServer();
  globalThis.__AIRLOCK_TEST_DB__ = server;
  process.env.AIRLOCK_TEST_ADMIN_URL = server.adminUrl;
  process.env.AIRLOCK_TEST_TEMPLATE_DB = server.templateDb;
}

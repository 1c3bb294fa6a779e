import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoPath } from '../common/paths';

interface Migrator {
  applyMigrations(url: string): Promise<string[]>;
}

/**
 * Applies pending migrations with prisma/migrate.mjs (Prisma's schema engine as WebAssembly, so no
 * download at run time). Safe with several instances starting at once: the engine takes an
 * advisory lock.
 */
export async function applyPendingMigrations(databaseUrl: string): Promise<string[]> {
  const file = pathToFileURL(path.join(repoPath('prisma'), 'migrate.mjs')).href;
  const migrator = (await import(file)) as Migrator;
  return migrator.applyMigrations(databaseUrl);
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { createRootLogger, PinoNestLogger } from './common/logger';
import { ConfigError, loadConfig } from './config/config';
import { applyPendingMigrations } from './database/migrations';
import { BootstrapService } from './modules/bootstrap/bootstrap.service';

/**
 * Maintenance commands without the HTTP server:
 *   node apps/api/dist/cli.js seed   — migrate, then create the organization, catalog and default
 *                                      policy if the database has none (what the first start does).
 */
async function main(command: string | undefined): Promise<void> {
  if (command !== 'seed') {
    console.error('Usage: node apps/api/dist/cli.js seed');
    process.exit(2);
  }
  const config = loadConfig();
  const logger = createRootLogger(config.logLevel, config.logFormat);
  if (config.migrateOnStart) await applyPendingMigrations(config.migrateDatabaseUrl);
  // Booting the application context runs the first-start seed (LifecycleService).
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: new PinoNestLogger(logger.child({ component: 'nest' })) });
  const bootstrap = app.get(BootstrapService);
  const firstRun = bootstrap.firstRun;
  const help = bootstrap.signInHelp();
  await app.close();
  if (firstRun?.created) {
    console.log(`Seeded organization ${firstRun.organizationId}.`);
    for (const line of help) console.log(line);
  } else {
    console.log('The database already has an organization: nothing to seed.');
  }
}

main(process.argv[2]).catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78);
  }
  console.error(err);
  process.exit(1);
});

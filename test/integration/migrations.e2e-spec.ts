import { createTestDatabase } from '../support/database';

/**
 * prisma/schema.prisma and prisma/migrations describe the same database: a schema change without
 * its migration (or a hand edit that strays from the schema) fails here, not on a customer's upgrade.
 */
describe('migrations', () => {
  it('take an empty database exactly to schema.prisma', async () => {
    const db = await createTestDatabase();
    try {
      // @ts-expect-error: plain ESM module without types (the scripts use it too)
      const { diffMigrationsToSchema } = await import('../../prisma/migrate.mjs');
      expect(await diffMigrationsToSchema(db.url)).toBe('');
    } finally {
      await db.drop();
    }
  }, 120_000);
});

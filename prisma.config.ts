// Prisma 7 reads this for its CLI. Airlock applies migrations itself with Prisma's schema engine
// compiled to WebAssembly (prisma/migrate.mjs), so nothing is downloaded at run time; the URL here
// only matters if you run the Prisma CLI by hand.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/airlock' },
});

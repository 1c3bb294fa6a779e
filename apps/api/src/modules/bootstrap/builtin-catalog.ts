import { readFileSync } from 'node:fs';
import { builtinCatalog } from '@airlock/contracts';
import type { z } from 'zod';
import { repoPath } from '../../common/paths';

export type BuiltinCatalog = z.infer<typeof builtinCatalog>;

/** prisma/seed/catalog.json: the AI services every new organization starts with (all under review). */
export function loadBuiltinCatalog(): BuiltinCatalog {
  const raw: unknown = JSON.parse(readFileSync(repoPath('prisma', 'seed', 'catalog.json'), 'utf8'));
  return builtinCatalog.parse(raw);
}

import { readFileSync } from 'node:fs';
import { type KnownAiServiceList, parseKnownAiServices } from '@airlock/discovery';
import { repoPath } from '../../common/paths';

let cached: KnownAiServiceList | null = null;

/** prisma/seed/known-ai-services.json: AI services outside the built-in catalog, sourced and dated (read once). */
export function knownAiServices(): KnownAiServiceList {
  cached ??= parseKnownAiServices(JSON.parse(readFileSync(repoPath('prisma', 'seed', 'known-ai-services.json'), 'utf8')));
  return cached;
}

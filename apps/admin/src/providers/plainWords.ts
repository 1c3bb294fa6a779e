import type { ProviderOutput } from '@airlock/contracts/types';

/** A catalog entry as the API shows it (GET /api/providers/:id); the sentences below describe it in plain words. */
export type ProviderRecord = ProviderOutput;

export function listInWords(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

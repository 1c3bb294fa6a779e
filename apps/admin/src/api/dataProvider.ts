import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { apiGet, apiSend, httpClient } from './http';

const base = simpleRestProvider('/api', httpClient);

/** Resources whose changes make the draft differ from the published policy (the app bar shows it). */
const DRAFT_RESOURCES = new Set(['rules', 'providers', 'zones', 'detectors', 'settings']);
export const draftEvents = new EventTarget();
function draftTouched<T>(resource: string, result: T): T {
  if (DRAFT_RESOURCES.has(resource)) draftEvents.dispatchEvent(new Event('changed'));
  return result;
}

/**
 * ra-data-simple-rest against our API, plus the singleton `settings` (GET/PUT /api/settings) and
 * the custom verbs the pages call through useDataProvider().
 */
export const dataProvider: DataProvider = {
  ...base,
  getOne: (resource, params) => {
    if (resource === 'settings') return apiGet<Record<string, unknown>>('/api/settings').then((data) => ({ data: { ...data, id: 'settings' } as never }));
    return base.getOne(resource, params);
  },
  update: (resource, params) => {
    if (resource === 'settings') {
      const changed = changedFields(params.data as Record<string, unknown>, (params.previousData ?? {}) as Record<string, unknown>);
      delete changed.id;
      delete changed.slug;
      return apiSend<Record<string, unknown>>('/api/settings', 'PUT', changed).then((data) => draftTouched(resource, { data: { ...data, id: 'settings' } as never }));
    }
    // Send only what changed (PUT accepts partial input and rejects unknown/read-only fields).
    const diff = params.previousData ? changedFields(params.data as Record<string, unknown>, params.previousData as Record<string, unknown>) : params.data;
    return base.update(resource, { ...params, data: diff }).then((r) => draftTouched(resource, r));
  },
  create: (resource, params) => base.create(resource, params).then((r) => draftTouched(resource, r)),
  delete: (resource, params) => base.delete(resource, params).then((r) => draftTouched(resource, r)),
  deleteMany: (resource, params) => base.deleteMany(resource, params).then((r) => draftTouched(resource, r)),
  // Our API has no bulk endpoints: delete one by one (react-admin's default for simple-rest does the same).
};

function changedFields(next: Record<string, unknown>, prev: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (JSON.stringify(v) !== JSON.stringify(prev[k])) out[k] = v;
  }
  return out;
}

import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { apiGet, apiSend, httpClient } from './http';

const base = simpleRestProvider('/api', httpClient);

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
      const { id: _id, ...rest } = params.data as Record<string, unknown>;
      return apiSend<Record<string, unknown>>('/api/settings', 'PUT', rest).then((data) => ({ data: { ...data, id: 'settings' } as never }));
    }
    // Send only what changed (PUT accepts partial input and rejects unknown/read-only fields).
    const diff = params.previousData ? changedFields(params.data as Record<string, unknown>, params.previousData as Record<string, unknown>) : params.data;
    return base.update(resource, { ...params, data: diff });
  },
  // Our API has no bulk endpoints: delete one by one (react-admin's default for simple-rest does the same).
};

function changedFields(next: Record<string, unknown>, prev: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (JSON.stringify(v) !== JSON.stringify(prev[k])) out[k] = v;
  }
  return out;
}

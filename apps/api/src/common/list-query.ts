import { z } from 'zod';
import { AppError } from './errors';
import { parseOr400 } from './zod-pipe';

/**
 * react-admin's ra-data-simple-rest conventions: ?sort=["field","ASC"]&range=[0,24]&filter={...};
 * lists answer with a Content-Range header ("<resource> 0-24/319").
 */
export interface ListQuery<F> {
  skip: number;
  take: number;
  sortField: string;
  sortOrder: 'asc' | 'desc';
  filter: F;
}

const MAX_PAGE = 1000;

function json(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw AppError.validation([{ path: name, message: 'must be a JSON string' }]);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw AppError.validation([{ path: name, message: 'is not valid JSON' }]);
  }
  // JSON can spell a NUL character, which PostgreSQL cannot store or compare: refuse it here.
  if (containsNul(value)) throw AppError.validation([{ path: name, message: 'must not contain NUL characters' }]);
  return value;
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\0') || containsNul(v));
  return false;
}

const sortSchema = z.tuple([z.string().max(64), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);
const rangeSchema = z
  .tuple([z.number().int().min(0).max(10_000_000), z.number().int().min(0).max(10_000_000)])
  .refine(([a, b]) => b >= a, 'range end must not be before its start');

export function parseListQuery<F extends z.ZodType>(
  query: Record<string, unknown>,
  opts: { sortable: readonly string[]; defaultSort: [string, 'asc' | 'desc']; filter: F },
): ListQuery<z.output<F>> {
  const known = new Set(['sort', 'range', 'filter']);
  const unknown = Object.keys(query).filter((k) => !known.has(k));
  if (unknown.length) throw AppError.validation(unknown.map((k) => ({ path: k, message: 'is not a known query parameter (use sort, range, filter)' })));
  const sortRaw = json('sort', query.sort);
  const rangeRaw = json('range', query.range);
  const filterRaw = json('filter', query.filter) ?? {};
  const [sortField, sortOrder] = sortRaw === undefined ? opts.defaultSort : parseOr400(sortSchema, sortRaw, 'Invalid sort');
  if (!opts.sortable.includes(sortField)) {
    throw AppError.validation([{ path: 'sort', message: `cannot sort by "${sortField}"; sortable: ${opts.sortable.join(', ')}` }]);
  }
  const [start, end] = rangeRaw === undefined ? [0, 24] : parseOr400(rangeSchema, rangeRaw, 'Invalid range');
  const take = Math.min(end - start + 1, MAX_PAGE);
  const filter = parseOr400(opts.filter, filterRaw, 'Invalid filter');
  return { skip: start, take, sortField, sortOrder: sortOrder.toLowerCase() as 'asc' | 'desc', filter };
}

export function contentRange(resource: string, skip: number, count: number, total: number): string {
  if (count === 0) return `${resource} */${total}`;
  return `${resource} ${skip}-${skip + count - 1}/${total}`;
}

/** Filter value that react-admin sends for getMany: { id: [..] }. */
export const idList = z.array(z.uuid()).max(1000);

import { z } from 'zod';
import { AppError } from './errors';
import { parseOr400 } from './zod-pipe';

/**
 * The one shape of every list: a repository's `list(organizationId, filter, sort, page)` answers
 * `[rows, total]`. The filter is the resource's own (parsed) filter object; the repository turns it
 * into its query, so no controller builds database queries.
 */
export interface Sort {
  field: string;
  order: 'asc' | 'desc';
}
export interface Page {
  skip: number;
  take: number;
}
export type ListResult<T> = [rows: T[], total: number];

/**
 * react-admin's ra-data-simple-rest conventions: ?sort=["field","ASC"]&range=[0,24]&filter={...};
 * lists answer with a Content-Range header ("<resource> 0-24/319").
 */
export interface ListQuery<F> {
  filter: F;
  sort: Sort;
  page: Page;
}

/** `{ [field]: order }`, the order of a Sort for a query. */
export function orderOf(sort: Sort): Record<string, 'asc' | 'desc'> {
  return { [sort.field]: sort.order };
}

/** A case-insensitive "contains" over several text columns, or no condition without a search text. */
export function searchText(q: string | undefined, fields: readonly string[]): { OR?: Record<string, { contains: string; mode: 'insensitive' }>[] } {
  return q ? { OR: fields.map((f) => ({ [f]: { contains: q, mode: 'insensitive' as const } })) } : {};
}

/** The rows whose id is in the list react-admin's getMany sends, or no condition. */
export function idIn(ids: readonly string[] | undefined): { id?: { in: string[] } } {
  return ids ? { id: { in: [...ids] } } : {};
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
  return { filter, sort: { field: sortField, order: sortOrder.toLowerCase() as 'asc' | 'desc' }, page: { skip: start, take } };
}

export function contentRange(resource: string, skip: number, count: number, total: number): string {
  if (count === 0) return `${resource} */${total}`;
  return `${resource} ${skip}-${skip + count - 1}/${total}`;
}

/** Filter value that react-admin sends for getMany: { id: [..] }. */
export const idList = z.array(z.uuid()).max(1000);

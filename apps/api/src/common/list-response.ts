import type { FastifyReply } from 'fastify';
import { contentRange, type ListResult, type Page } from './list-query';

/** Sends a react-admin list: the rows as a JSON array and the Content-Range header. */
export function listResponse<T, O>(reply: FastifyReply, resource: string, page: Page, [rows, total]: ListResult<T>, map: (row: T) => O): O[] {
  void reply.header('content-range', contentRange(resource, page.skip, rows.length, total));
  return rows.map(map);
}

/** A date as ISO 8601; a date that is always there gives a string, a nullable one string | null. */
export function iso(d: Date): string;
export function iso(d: Date | null | undefined): string | null;
export function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { AppError, type FieldProblem } from './errors';

export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.slice(0, 50).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
}

/** Parses with a zod schema from libs/contracts; a failure is a 400 naming the path of each bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what = 'The request is invalid'): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw AppError.validation(zodProblems(r.error), what);
  return r.data;
}

export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  /** Public: the OpenAPI document reads the request schema of each route from its pipe. */
  constructor(readonly schema: S) {}
  transform(value: unknown): z.output<S> {
    return parseOr400(this.schema, value);
  }
}

/** `@Body(body(schema))` reads well in controllers. */
export const body = <S extends z.ZodType>(schema: S): ZodPipe<S> => new ZodPipe(schema);

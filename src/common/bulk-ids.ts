import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse } from '@nestjs/swagger';
import { ValidationError } from './api-error';

/** The most ids one bulk delete takes. */
const MAX_BULK_IDS = 1000;

/** The largest Postgres integer: a larger id would fail the query with a 500. */
const MAX_ID = 2_147_483_647;

/**
 * A contentjet bulk delete's body (a JSON array of ids) and 204 in /spec.
 * The route declares `@HttpCode(204)` itself: the Swagger plugin reads it
 * from the source to leave out the default 201.
 */
export const BulkDelete = () =>
  applyDecorators(
    ApiBody({
      schema: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: MAX_BULK_IDS },
    }),
    ApiNoContentResponse(),
  );

/** contentjet's bulk-delete body: a JSON array of ids (`what`: "entry ids", "media ids"). */
export function bulkIds(body: unknown, what: string): number[] {
  const valid =
    Array.isArray(body) &&
    body.length > 0 &&
    body.length <= MAX_BULK_IDS &&
    body.every((id) => Number.isInteger(id) && (id as number) > 0 && (id as number) <= MAX_ID);
  if (!valid) {
    throw new ValidationError(
      { body: [`the body must be a JSON array of 1 to ${MAX_BULK_IDS} ${what}`] },
      'Validation failed',
    );
  }
  return body as number[];
}

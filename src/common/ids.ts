import { NotFoundError } from './api-error';

const MAX_INT4 = 2_147_483_647;

/** A path id as Postgres' integer, or null for anything else ("abc", "0", "-1", "1e3", too large). */
export function parseId(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_INT4 ? id : null;
}

/**
 * A path id or a 404 with this message. (Not a pipe: the global
 * ValidationPipe would first coerce "01" or "1e3" into valid numbers.)
 */
export function pathId(raw: string, notFoundMessage: string): number {
  const id = parseId(raw);
  if (id === null) throw new NotFoundError(notFoundMessage);
  return id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path uuid, or a 404 with this message (the database would refuse anything else with an error). */
export function pathUuid(raw: string, notFoundMessage: string): string {
  if (!UUID.test(raw)) throw new NotFoundError(notFoundMessage);
  return raw.toLowerCase();
}

import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** An ETag for a serialized body: weak, since it names the JSON, not the bytes on the wire. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** If-None-Match may list several tags, or `*`. */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === etag || `W/${tag}` === etag);
}

/**
 * Sends an already serialized JSON body with its ETag, or 304 with no body
 * when the client's copy is current. Authenticated content must not sit in
 * shared caches, and must be revalidated each time.
 */
export function sendJsonWithEtag(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  etag = etagOf(body),
): string {
  void reply
    .header('etag', etag)
    .header('cache-control', 'private, max-age=0, must-revalidate')
    .header('vary', 'authorization');
  if (matches(request.headers['if-none-match'], etag)) {
    void reply.status(304);
    return '';
  }
  void reply.header('content-type', 'application/json; charset=utf-8');
  return body;
}

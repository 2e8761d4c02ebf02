import fastifyMultipart from '@fastify/multipart';
import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { errorName } from '../common/api-error';
import type { MediaConfig } from '../config/configuration';

/** `@RouteConfig({ [MULTIPART_ROUTE]: true })`: the route reads multipart/form-data bodies. */
export const MULTIPART_ROUTE = 'multipart';

/** Files in one upload request. */
const MAX_FILES = 20;

/**
 * multipart/form-data for the routes that declare it (media uploads), which
 * read the parts as they stream in. Every other route refuses such a body
 * with a 415, as before the parser was registered.
 */
export async function registerMultipart(
  fastify: FastifyInstance,
  media: Pick<MediaConfig, 'maxBytes'>,
): Promise<void> {
  await fastify.register(fastifyMultipart, {
    limits: {
      // The parser cuts a file here and marks it truncated; the upload then answers 413.
      fileSize: media.maxBytes,
      files: MAX_FILES,
      fields: MAX_FILES,
      fieldSize: 4096,
      parts: MAX_FILES * 2,
      headerPairs: 100,
    },
  });
  fastify.addHook('preValidation', (request, reply, done) => {
    const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
    if (!request.isMultipart() || config?.[MULTIPART_ROUTE]) return done();
    const status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    void reply
      .status(status)
      .header('content-type', 'application/json; charset=utf-8')
      .send({
        status,
        name: errorName(status),
        message: 'Unsupported Media Type: multipart/form-data',
      });
  });
}

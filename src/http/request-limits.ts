/** The largest request body read (JSON or form); larger is a 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The longest path parameter the router matches (Fastify's default, named for /spec); longer is a 414. */
export const MAX_PARAM_LENGTH = 100;

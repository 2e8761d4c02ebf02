import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, ErrorBody, errorName } from './api-error';

/** Postgres SQLSTATE classes and client errors that mean "the database is away", not "a bug". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|The embedded database is closed/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let cause = error as { code?: unknown; message?: unknown; driverError?: unknown } | undefined;
    cause;
  ) {
    const code = typeof cause.code === 'string' ? cause.code : '';
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return true;
    if (typeof cause.message === 'string' && UNAVAILABLE_MESSAGES.test(cause.message)) return true;
    cause = cause.driverError as typeof cause;
  }
  return false;
}

/**
 * SQLSTATEs for text Postgres cannot store: a NUL character (`\u0000`) in a
 * text column or parameter (22021), or escaped in a JSON value (22P05).
 * Any string from a request may carry one, so they mean bad input, not a bug.
 */
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

export function isUnstorableText(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return typeof code === 'string' && UNSTORABLE_TEXT_CODES.has(code);
}

/**
 * Fastify's own client errors (bad JSON, wrong content type, body too large)
 * carry a 4xx `statusCode` and a `FST_` code; their messages are safe to show.
 */
interface FastifyClientError {
  statusCode: number;
  code: string;
  message: string;
}

function isFastifyClientError(error: unknown): error is FastifyClientError {
  const candidate = error as Partial<FastifyClientError> | null;
  return (
    typeof candidate?.statusCode === 'number' &&
    candidate.statusCode >= 400 &&
    candidate.statusCode < 500 &&
    typeof candidate.code === 'string' &&
    candidate.code.startsWith('FST_')
  );
}

/**
 * Every error leaves in one shape (`{status, name, message, errors?}`).
 * Anything unexpected is logged with its request id and answered with a
 * generic 500: no driver text, SQL or stack reaches the client.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const { body, headers } = this.describe(exception, request);
    if (reply.sent) return;
    void reply
      .status(exception instanceof ApiError ? exception.getStatus() : (body as ErrorBody).status)
      .headers(headers)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }

  private describe(
    exception: unknown,
    request: FastifyRequest,
  ): { body: ErrorBody | ReturnType<ApiError['toBody']>; headers: Record<string, string> } {
    if (exception instanceof ApiError) {
      return { body: exception.toBody(), headers: exception.details.headers ?? {} };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        body: { status, name: errorName(status), message: messageOf(exception) },
        headers: {},
      };
    }
    if (isFastifyClientError(exception)) {
      const status = exception.statusCode;
      return { body: { status, name: errorName(status), message: exception.message }, headers: {} };
    }
    if (isUnstorableText(exception)) {
      return {
        body: {
          status: 400,
          name: errorName(400),
          message: 'Text must not contain NUL characters',
        },
        headers: {},
      };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable (request ${request.id}): ${describeCause(exception)}`);
      return {
        body: { status: 503, name: errorName(503), message: 'Service temporarily unavailable' },
        headers: { 'retry-after': '5' },
      };
    }
    this.logger.error(
      `unhandled error (request ${request.id}) ${request.method} ${request.url}`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    return {
      body: { status: 500, name: errorName(500), message: 'Internal server error' },
      headers: {},
    };
  }
}

/** Nest's built-in exceptions keep their message in a string or `{ message }`. */
function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

function describeCause(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}

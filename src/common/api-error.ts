import { HttpException, HttpStatus } from '@nestjs/common';

/** Nested field messages: `{ email: ['…'], fields: { title: ['…'] } }`. */
export interface FieldErrors {
  [field: string]: string[] | FieldErrors;
}

/** The one error body of every response; token endpoints add RFC 6749 fields. */
export interface ErrorBody {
  status: number;
  name: string;
  message: string;
  errors?: FieldErrors;
  [extra: string]: unknown;
}

const NAMES: Partial<Record<number, string>> = {
  400: 'BadRequestError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  405: 'MethodNotAllowedError',
  406: 'NotAcceptableError',
  409: 'ConflictError',
  413: 'PayloadTooLargeError',
  414: 'UriTooLongError',
  415: 'UnsupportedMediaTypeError',
  422: 'UnprocessableEntityError',
  429: 'TooManyRequestsError',
  500: 'InternalServerError',
  503: 'ServiceUnavailableError',
};

export function errorName(status: number): string {
  return NAMES[status] ?? (status >= 500 ? 'InternalServerError' : 'HttpError');
}

/**
 * An error a feature throws on purpose: its status, message and any extra
 * body fields or headers reach the client as they are.
 */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    message: string,
    readonly details: {
      name?: string;
      errors?: FieldErrors;
      /** Extra top-level body fields, e.g. RFC 6749's `error` and `error_description`. */
      extra?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message, status);
  }

  /** The response body; a dialect that answers in its own shape overrides it. */
  toBody(): ErrorBody | Record<string, unknown> {
    const status = this.getStatus();
    return {
      ...this.details.extra,
      status,
      name: this.details.name ?? errorName(status),
      message: this.message,
      ...(this.details.errors ? { errors: this.details.errors } : {}),
    };
  }
}

export class ValidationError extends ApiError {
  constructor(errors: FieldErrors, message = 'Validation failed') {
    super(HttpStatus.BAD_REQUEST, message, { name: 'ValidationError', errors });
  }
}

export class NotFoundError extends ApiError {
  constructor(message = 'Not found') {
    super(HttpStatus.NOT_FOUND, message);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string) {
    super(HttpStatus.CONFLICT, message);
  }
}

import { ValidationPipe, ValidationError as ClassValidatorError } from '@nestjs/common';
import { FieldErrors, ValidationError } from './api-error';

/**
 * class-validator's error tree as `{ field: [messages] }`, nested objects as
 * nested keys and array items under their index: the admin UI shows
 * `errors.<field>` beside each input.
 */
export function toFieldErrors(errors: ClassValidatorError[]): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) {
      result[error.property] = messages;
    } else if (error.children?.length) {
      result[error.property] = toFieldErrors(error.children);
    }
  }
  return result;
}

/** The app-wide pipe: unknown fields are rejected, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationError(toFieldErrors(errors)),
  });
}

import {
  ArgumentMetadata,
  ValidationPipe,
  ValidationError as ClassValidatorError,
} from '@nestjs/common';
import { FieldErrors, ValidationError } from './api-error';

/** Deeper than any DTO goes; class-transformer recurses and overflows the stack near ~1000. */
export const MAX_INPUT_DEPTH = 32;

/** How deeply arrays and objects nest in `value` (0 for a scalar), counted without recursion. */
export function nestingDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

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

/** Refuses absurdly nested input before class-transformer walks it recursively. */
class DepthLimitedValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestingDepth(value, MAX_INPUT_DEPTH) > MAX_INPUT_DEPTH) {
      throw new ValidationError({
        [metadata.type]: [`must not nest more than ${MAX_INPUT_DEPTH} levels deep`],
      });
    }
    return super.transform(value, metadata);
  }
}

/** The app-wide pipe: unknown fields are rejected, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationError(toFieldErrors(errors)),
  });
}

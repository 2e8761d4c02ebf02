import { InvalidConfigurationError } from '../config/environment';
import { EmbeddedDatabaseInUseError } from '../database/embedded-database';

/** One line for the failures an operator can fix; the full error otherwise. */
export function explainStartupFailure(error: unknown): string {
  if (error instanceof InvalidConfigurationError || error instanceof EmbeddedDatabaseInUseError) {
    return `tessera: ${error.message}`;
  }
  return `tessera: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

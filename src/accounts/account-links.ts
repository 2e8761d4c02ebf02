import { ValidationError } from '../common/api-error';

/** How long a mailed link works. */
export const RESET_PASSWORD_SECONDS = 60 * 60;
export const CHANGE_EMAIL_SECONDS = 24 * 60 * 60;

/** The admin UI routes the links open (contentjet's `/set-password/` among them). */
export const SET_PASSWORD_ROUTE = 'set-password';
export const CONFIRM_EMAIL_ROUTE = 'confirm-email';

/** A mailed token that is unknown, of another flow, expired or used: 400 naming `token`. */
export function deadLink(): ValidationError {
  return new ValidationError(
    { token: ['This link is invalid, has expired or was already used: ask for a new one'] },
    'The link no longer works',
  );
}

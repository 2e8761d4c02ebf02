import { composeMail } from '../mail-layout';
import type { MailMessage } from '../mail-message';

/**
 * A sign-up with an address that already has an account: the answer to the
 * sign-up is the same as for a new address, and only the mailbox's owner
 * learns that an account exists. No link here sets a password or verifies
 * anything: whoever signed up may not be the owner.
 */
export function accountExistsMail(account: {
  to: string;
  name: string;
  signInUrl: string;
}): MailMessage {
  return composeMail({
    to: account.to,
    subject: 'You already have an account',
    greeting: `Hello ${account.name},`,
    paragraphs: [
      'Someone, hopefully you, tried to create a Tessera account with this address, but it already has one, so nothing was created.',
      'Sign in with it instead. If you have forgotten its password, choose "Forgot password?" on the sign-in page.',
    ],
    action: { label: 'Sign in', url: account.signInUrl },
    footer: ['If it was not you, ignore this mail: your account is unchanged.'],
  });
}

import { composeMail } from '../mail-layout';
import type { MailMessage } from '../mail-message';

/** After a sign-up: the link proves the address and turns the account on. */
export function signUpVerifyMail(account: { to: string; name: string; url: string }): MailMessage {
  return composeMail({
    to: account.to,
    subject: 'Please verify your email address',
    greeting: `Hello ${account.name},`,
    paragraphs: [
      'Someone, hopefully you, created a Tessera account with this address.',
      'Follow the link to verify the address and start using the account.',
    ],
    action: { label: 'Verify my address', url: account.url },
    footer: [
      'The link works once, for 24 hours. If you did not sign up, ignore this mail: without the link the account stays off.',
    ],
  });
}

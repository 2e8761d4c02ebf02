import { composeMail } from '../mail-layout';
import type { MailMessage } from '../mail-message';

/**
 * To the new address of an e-mail change when another account already has
 * it: its owner learns of the attempt, the requester learns nothing.
 */
export function emailTakenMail(values: { to: string; signInUrl: string }): MailMessage {
  return composeMail({
    to: values.to,
    subject: 'Someone tried to use your e-mail address on Tessera',
    greeting: 'Hello,',
    paragraphs: [
      'Someone asked to move their Tessera account to this address. A Tessera account already has this address, so nothing changed.',
      'If that was you, sign in to the account this address already has; forgot its password? Use "Forgot password?" on the sign-in page.',
    ],
    action: { label: 'Sign in', url: values.signInUrl },
    footer: ['If it was not you, you need not do anything.'],
  });
}

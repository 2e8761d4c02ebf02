import { composeMail } from '../mail-layout';
import type { MailMessage } from '../mail-message';

/** The link to choose a new password, to the address an account has. */
export function passwordResetMail(values: { to: string; name: string; url: string }): MailMessage {
  return composeMail({
    to: values.to,
    subject: 'Reset your Tessera password',
    greeting: `Hello ${values.name},`,
    paragraphs: [
      'Someone, probably you, asked to reset the password of your Tessera account.',
      'Choosing a new password signs you out everywhere, in every browser and app.',
    ],
    action: { label: 'Choose a new password', url: values.url },
    footer: [
      'The link works once, for an hour; asking again replaces it.',
      'If you did not ask, ignore this mail: your password stays as it is.',
    ],
  });
}

import { composeMail } from '../mail-layout';
import type { MailMessage } from '../mail-message';

/** To the new address of an e-mail change: the link that makes the change. */
export function confirmEmailMail(values: { to: string; name: string; url: string }): MailMessage {
  return composeMail({
    to: values.to,
    subject: 'Confirm your new e-mail address for Tessera',
    greeting: `Hello ${values.name},`,
    paragraphs: [
      'You asked to use this address for your Tessera account. Until you confirm it, your account keeps its current address.',
    ],
    action: { label: 'Confirm this address', url: values.url },
    footer: [
      'The link works once, for 24 hours; asking for another change replaces it.',
      'If you did not ask, ignore this mail: nothing changes.',
    ],
  });
}

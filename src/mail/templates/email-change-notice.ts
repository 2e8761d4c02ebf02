import { composeMail } from '../mail-layout';
import type { MailMessage } from '../mail-message';

/** To the current address when an e-mail change is asked for, so a hijack does not go unseen. */
export function emailChangeNoticeMail(values: {
  to: string;
  name: string;
  newEmail: string;
}): MailMessage {
  return composeMail({
    to: values.to,
    subject: 'Your Tessera e-mail address is about to change',
    greeting: `Hello ${values.name},`,
    paragraphs: [
      `Someone signed in to your Tessera account asked to change its e-mail address to ${values.newEmail}.`,
      'The change happens only once the link sent to that address is followed; until then your account keeps this address.',
      'If it was not you, change your password at once: that signs everyone else out.',
    ],
  });
}

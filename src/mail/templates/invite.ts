import { composeMail } from '../mail-layout';
import type { MailMessage } from '../mail-message';

/** An invitation to a project: the link accepts it (signing in or signing up on the way). */
export function inviteMail(invite: {
  to: string;
  name: string;
  projectName: string;
  invitedBy: string | null;
  url: string;
}): MailMessage {
  const who = invite.invitedBy ?? 'An administrator';
  return composeMail({
    to: invite.to,
    subject: `You have been invited to join ${invite.projectName}`,
    greeting: `Hello ${invite.name},`,
    paragraphs: [
      `${who} invited you to join the project "${invite.projectName}" on Tessera.`,
      'Follow the link to accept: sign in if you have an account, or create one with this address.',
    ],
    action: { label: 'Accept the invitation', url: invite.url },
    footer: [
      'The link works once, for 7 days. If you did not expect this invitation, ignore this mail.',
    ],
  });
}

import { eventually } from './eventually';
import { ReceivedMail, SmtpInbox } from './smtp-inbox';

/**
 * Runs `act` and answers the mail to `address` it caused: the first one
 * after those already there (a mail of an earlier step arriving late is not
 * taken for it).
 */
export async function mailCausedBy<T>(
  inbox: SmtpInbox,
  address: string,
  act: () => Promise<T>,
): Promise<{ result: T; mail: ReceivedMail }> {
  const seen = inbox.to(address).length;
  const result = await act();
  await eventually(() => Promise.resolve(inbox.to(address).length > seen), { withinMs: 10_000 });
  return { result, mail: inbox.to(address)[seen] };
}

/** One mail as a flow composes it; From is the configured MAIL_FROM. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

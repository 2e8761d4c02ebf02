import { join } from 'node:path';
import { bearer, createUser, signIn } from './helpers/auth';
import { openSection, signInThroughPage } from './helpers/admin-ui-steps';
import { describeInBrowser, useBrowserWorld, watchProblems } from './helpers/browser';
import { mailCausedBy } from './helpers/mail-steps';
import { SmtpInbox } from './helpers/smtp-inbox';

const TIMEOUT = 120_000;

/**
 * Joining by invitation in real Chromium, through a real SMTP inbox: a
 * project admin invites an address with no account from the members page
 * (and resends, and cancels another); the newcomer follows the mailed link,
 * signs up, follows the verification link, signs in and sees the project.
 */
describeInBrowser('the admin UI invitations in a real browser (headless Chromium)', () => {
  let inbox: SmtpInbox;
  // Filled in before the app starts: the inbox's port is known only then.
  const env: Record<string, string> = { JOBS_POLL_SECONDS: '0.5' };
  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    env.SMTP_URL = inbox.url;
  });
  const world = useBrowserWorld('admin-ui-invites', TIMEOUT, { env });
  afterAll(() => inbox.close());

  let owner: { email: string; password: string };

  beforeAll(async () => {
    owner = await createUser(world.t.app, { name: 'Olga Owner' });
    const { access_token: token } = await signIn(world.t.app, owner.email, owner.password);
    await world.t.app.inject({
      method: 'POST',
      url: '/project',
      headers: bearer(token),
      payload: { name: 'Magazine' },
    });
  }, TIMEOUT);

  it(
    'invite by e-mail, resend, cancel; follow the link, sign up, verify, sign in, see the project — no CSP violation',
    async () => {
      const newcomer = { email: `nora-${Date.now()}@example.com`, password: 'a long password' };
      const other = `otto-${Date.now()}@example.com`;
      const adminContext = await world.browser.newContext({
        viewport: { width: 1280, height: 800 },
      });
      const guestContext = await world.browser.newContext({
        viewport: { width: 390, height: 844 },
      });
      const admin = await adminContext.newPage();
      const guest = await guestContext.newPage();
      const shot = (page: typeof admin, step: string) =>
        page.screenshot({ path: join(world.artifacts, `${step}.png`), fullPage: true });
      try {
        const problems = [...[admin, guest].map(watchProblems)];

        // The admin invites two addresses from the project's members page.
        await signInThroughPage(admin, world.origin, owner);
        await admin.getByRole('link', { name: 'Magazine', exact: true }).click();
        await openSection(admin, 'Members');
        const invite = async (name: string, email: string) =>
          mailCausedBy(inbox, email, async () => {
            await admin.getByLabel('Their name').fill(name);
            await admin.getByLabel('Their e-mail address').fill(email);
            await admin.getByRole('button', { name: 'Send invitation' }).click();
            await admin.getByText(`Invitation sent to ${email}`).waitFor();
          });
        await invite('Nora Newcomer', newcomer.email);
        await invite('Otto Other', other);
        const pending = admin.getByRole('list', { name: 'Pending invitations' });
        await pending.getByRole('listitem', { name: newcomer.email }).waitFor();
        await shot(admin, 'pending');

        // Cancel one; resend the other: only the newest link works.
        await pending
          .getByRole('listitem', { name: other })
          .getByRole('button', { name: 'Cancel invitation' })
          .click();
        await admin.getByText(`Invitation to ${other} cancelled`).waitFor();
        await pending.getByRole('listitem', { name: other }).waitFor({ state: 'detached' });
        const { mail } = await mailCausedBy(inbox, newcomer.email, async () => {
          await pending
            .getByRole('listitem', { name: newcomer.email })
            .getByRole('button', { name: 'Resend' })
            .click();
          await admin.getByText(`Invitation sent again to ${newcomer.email}`).waitFor();
        });
        expect(mail.subject).toBe('You have been invited to join Magazine');

        // The newcomer, signed out, follows the link and signs up.
        await guest.goto(mail.links[0]);
        await guest.getByRole('heading', { name: 'Join Magazine' }).waitFor();
        await shot(guest, 'accept-signed-out');
        await guest.getByRole('link', { name: 'Create an account' }).click();
        await guest.getByRole('heading', { name: 'Create your account' }).waitFor();
        await guest.getByText('You were invited to').waitFor();
        await guest.getByRole('textbox', { name: 'Name' }).fill('Nora Newcomer');
        await guest.getByRole('textbox', { name: 'Email' }).fill(newcomer.email);
        await guest.getByRole('textbox', { name: 'Password', exact: true }).fill(newcomer.password);
        await guest.getByRole('textbox', { name: 'Repeat the password' }).fill(newcomer.password);
        const verification = await mailCausedBy(inbox, newcomer.email, async () => {
          await guest.getByRole('button', { name: 'Create account' }).click();
          await guest.getByRole('heading', { name: 'Check your inbox' }).waitFor();
        });
        await shot(guest, 'signed-up');
        expect(verification.mail.subject).toBe('Please verify your email address');

        // The verification link turns the account on; then signing in shows the project.
        await guest.goto(verification.mail.links[0]);
        await guest.getByText(`Your address ${newcomer.email} is verified`).waitFor();
        await shot(guest, 'verified');
        await guest.getByRole('link', { name: 'Sign in' }).click();
        await guest.getByLabel('Email').fill(newcomer.email);
        await guest.getByRole('textbox', { name: 'Password' }).fill(newcomer.password);
        await guest.getByRole('button', { name: 'Sign in' }).click();
        await guest.getByRole('link', { name: 'Magazine', exact: true }).click();
        await guest.getByRole('heading', { name: 'Magazine', level: 2 }).waitFor();
        await shot(guest, 'project');

        // The admin sees a member where the invitation was.
        await admin.reload();
        await admin
          .getByRole('list', { name: 'Members' })
          .getByRole('listitem', { name: 'Nora Newcomer' })
          .waitFor();
        expect(await admin.getByRole('list', { name: 'Pending invitations' }).count()).toBe(0);

        // Chromium logs every 4xx: the boot-time refreshes without a cookie (401). Nothing else.
        expect(problems.flat().filter((problem) => !/401 \(Unauthorized\)/.test(problem))).toEqual(
          [],
        );
      } finally {
        await adminContext.close();
        await guestContext.close();
      }
    },
    TIMEOUT,
  );
});

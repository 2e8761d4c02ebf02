import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bearer, createUser, signIn } from './helpers/auth';
import {
  contrastOf,
  describeInBrowser,
  useBrowserWorld,
  VIEWPORTS,
  watchProblems,
} from './helpers/browser';

const TIMEOUT = 300_000;
/** Datetimes are typed in the browser's time zone: one with summer time, fixed for the test. */
const TIME_ZONE = 'Europe/Paris';

/** One field of each of the ten types, with the options the form shows and checks. */
const ARTICLE_FIELDS = [
  { name: 'title', label: 'Title', fieldType: 'TEXT', required: true, minLength: 3 },
  { name: 'contact', label: 'Contact email', fieldType: 'TEXT', format: 'email' },
  { name: 'body', label: 'Body', fieldType: 'LONGTEXT', format: 'markdown' },
  {
    name: 'featured',
    label: 'Featured',
    fieldType: 'BOOLEAN',
    labelTrue: 'On the front page',
    labelFalse: 'Not featured',
  },
  {
    name: 'price',
    label: 'Price',
    fieldType: 'NUMBER',
    format: 'integer',
    minValue: 0,
    maxValue: 1000,
  },
  { name: 'eventDay', label: 'Event day', fieldType: 'DATE', format: 'date' },
  { name: 'startsAt', label: 'Starts at', fieldType: 'DATE', format: 'datetime' },
  { name: 'size', label: 'Size', fieldType: 'CHOICE', choices: ['Small', 'Large'] },
  {
    name: 'colours',
    label: 'Colours',
    fieldType: 'CHOICE',
    choices: ['Red', 'Green', 'Blue'],
    format: 'multiple',
  },
  { name: 'accent', label: 'Accent colour', fieldType: 'COLOR' },
  { name: 'related', label: 'Related entries', fieldType: 'LINK', maxLength: 3 },
  { name: 'places', label: 'Places', fieldType: 'LIST' },
  { name: 'gallery', label: 'Gallery', fieldType: 'MEDIA' },
];

/** Retries `check` until it passes (a list reloading after a filter), for up to 10 s. */
async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const NOTE_FIELDS = [
  { name: 'summary', label: 'Summary', fieldType: 'TEXT' },
  { name: 'pinned', label: 'Pinned', fieldType: 'BOOLEAN' },
  { name: 'rank', label: 'Rank', fieldType: 'NUMBER', format: 'integer' },
  { name: 'mood', label: 'Mood', fieldType: 'CHOICE', choices: ['Calm', 'Happy'] },
  { name: 'keywords', label: 'Keywords', fieldType: 'LIST' },
];

/**
 * The entries pages in real Chromium, at a desktop and a phone width: an
 * entry of a type with every field type made through the form (a validation
 * error shown under its field, fixed, saved), scheduled, found by type, tag
 * and search; two deleted at once; the unsaved-changes warning; an entry
 * written and saved with the keyboard alone.
 */
describeInBrowser('the admin UI entries pages in a real browser (headless Chromium)', () => {
  const world = useBrowserWorld('admin-ui-entries', TIMEOUT);
  let owner: { id: number; email: string; password: string };
  let ownerToken: string;

  beforeAll(async () => {
    owner = await createUser(world.t.app, { name: 'Ada Editor' });
    ownerToken = (await signIn(world.t.app, owner.email, owner.password)).access_token;
  }, TIMEOUT);

  /** The API as the owner sees it, to set up and to check what the page did. */
  const api = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await world.t.app.inject({
      method,
      url,
      headers: bearer(ownerToken),
      payload: payload as object,
    });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  const created = async (url: string, payload: object): Promise<{ id: number }> => {
    const res = await api('POST', url, payload);
    expect(res.status).toBe(201);
    return res.body as { id: number };
  };

  const section = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name }).click();

  /** The label (or name) of the focused element, as a person tabbing through hears it. */
  const focused = (page: Page): Promise<string> =>
    page.evaluate(`(() => {
      const element = document.activeElement;
      if (!element) return '';
      const label = element.labels?.[0]?.textContent ?? element.getAttribute('aria-label');
      return (label ?? element.textContent ?? '').replace(/\\s*\\*$/, '').trim();
    })()`);
  /** Presses Tab until the element named `name` has the focus: no mouse. */
  const tabTo = async (page: Page, name: string) => {
    for (let presses = 0; presses < 80; presses += 1) {
      if ((await focused(page)) === name) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached “${name}”`);
  };

  it.each(VIEWPORTS)(
    '$label ($width px): write, fix, save, schedule, find, bulk delete, leave-warning, keyboard only',
    async ({ label, width, height, colorScheme }) => {
      const project = await created('/project', { name: `Magazine ${label}` });
      const article = await created(`/project/${project.id}/entry-type`, {
        name: `Article ${label}`,
        fields: ARTICLE_FIELDS,
      });
      const note = await created(`/project/${project.id}/entry-type`, {
        name: `Note ${label}`,
        fields: NOTE_FIELDS,
      });
      const entries = `/project/${project.id}/entry`;
      const intro = await created(entries, {
        entryTypeId: note.id,
        name: `Intro ${label}`,
        published: '2024-01-01T00:00:00Z',
        fields: { summary: 'Linked from the article' },
      });
      await created(entries, {
        entryTypeId: note.id,
        name: `Old note ${label}`,
        tags: ['archive'],
        fields: {},
      });
      const temporary = [
        await created(entries, { entryTypeId: note.id, name: `Temp A ${label}`, fields: {} }),
        await created(entries, { entryTypeId: note.id, name: `Temp B ${label}`, fields: {} }),
      ];

      const context = await world.browser.newContext({
        viewport: { width, height },
        colorScheme,
        timezoneId: TIME_ZONE,
      });
      const page = await context.newPage();
      const shot = (step: string) =>
        page.screenshot({ path: join(world.artifacts, `${label}-${step}.png`), fullPage: true });
      try {
        const problems = watchProblems(page);
        await page.goto(`${world.origin}/admin/sign-in`);
        await page.getByLabel('Email').fill(owner.email);
        await page.getByRole('textbox', { name: 'Password' }).fill(owner.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('link', { name: `Magazine ${label}`, exact: true }).click();
        await section(page, 'Entries');
        const table = page.getByRole('table', { name: 'Entries' });
        await table.getByRole('link', { name: `Intro ${label}` }).waitFor();
        await shot('list');

        // A new article: every field filled in through its own input.
        await page.getByRole('button', { name: 'New entry' }).click();
        await page.getByRole('menuitem', { name: `Article ${label}` }).click();
        await page.getByRole('heading', { name: `New Article ${label}` }).waitFor();
        // A required field's label ends in Mantine's asterisk.
        const field = (name: string) => page.getByLabel(new RegExp(`^${name}\\s*\\*?$`));
        await field('Name').fill(`Launch ${label}`);
        await field('Title').fill('Launch day');
        await field('Contact email').fill('not-an-email');
        await field('Body').fill('# Hello\n\nSome **bold** words');
        await page.getByRole('button', { name: 'Preview Body' }).click();
        const preview = page.getByRole('region', { name: 'Body preview' });
        await preview.getByRole('heading', { name: 'Hello', level: 1 }).waitFor();
        await page.getByRole('switch', { name: 'Featured' }).click();
        await page.getByText('On the front page').waitFor();
        await field('Price').fill('42');
        await field('Event day').fill('2030-05-31');
        await page.keyboard.press('Escape');
        await field('Starts at').fill('2030-06-01 18:30');
        await page.keyboard.press('Escape');
        await field('Size').selectOption('Large');
        await page.getByRole('combobox', { name: 'Colours' }).click();
        await page.getByRole('option', { name: 'Red' }).click();
        await page.getByRole('option', { name: 'Blue' }).click();
        await page.keyboard.press('Escape');
        await field('Accent colour').fill('#3366CC');
        await page.keyboard.press('Escape');
        await page.getByRole('combobox', { name: 'Related entries' }).fill('Intro');
        await page.getByRole('option', { name: `Intro ${label} (Note ${label})` }).click();
        await page.keyboard.press('Escape');
        await page.getByRole('combobox', { name: 'Places' }).fill('Paris, France');
        await page.keyboard.press('Enter');
        await page.getByRole('combobox', { name: 'Places' }).fill('Lyon');
        await page.keyboard.press('Enter');
        // Gallery (MEDIA) picks from the media library: test/admin-ui-media-browser.e2e-spec.ts.
        await page.getByRole('combobox', { name: 'Tags' }).fill('launch');
        await page.keyboard.press('Enter');
        // The project's other tags stay suggested below, over the Save button, until dismissed.
        await page.keyboard.press('Escape');
        await shot('new-entry');

        // The API refuses the email: its words under that field, which gets the focus.
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        const refusal = page.getByText('Contact email must be an email address');
        await refusal.waitFor();
        const contact = field('Contact email');
        expect((await contact.getAttribute('aria-describedby'))?.split(' ')).toContain(
          await refusal.getAttribute('id'),
        );
        const contactId = await contact.getAttribute('id');
        await eventually(async () =>
          expect(await page.evaluate('document.activeElement?.id')).toBe(contactId),
        );
        const alert = page
          .getByRole('alert')
          .filter({ hasText: 'Validation failed: 1 field to fix, marked below.' });
        await alert.waitFor();
        // The words a person must read, at WCAG AA contrast (4.5:1) in this colour scheme.
        for (const text of [
          refusal,
          page.getByText('An email address', { exact: true }),
          page.getByText('Draft', { exact: true }),
          page.getByText('A draft: API clients do not see it.'),
          page.getByRole('link', { name: '← All entries' }),
        ]) {
          expect(await contrastOf(text)).toBeGreaterThanOrEqual(4.5);
        }
        expect(new URL(page.url()).pathname).toBe(`/admin/projects/${project.id}/entries/new`);
        await shot('validation-error');

        await contact.fill('press@example.com');
        await expect(refusal.count()).resolves.toBe(0);
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.waitForURL(/\/entries\/\d+$/);
        await page.getByRole('heading', { name: `Launch ${label}` }).waitFor();
        const launchId = Number(new URL(page.url()).pathname.split('/').pop());
        const stored = await api('GET', `${entries}/${launchId}`);
        expect(stored.body).toMatchObject({
          name: `Launch ${label}`,
          entryTypeId: article.id,
          published: null,
          tags: ['launch'],
          fields: {
            title: 'Launch day',
            contact: 'press@example.com',
            body: '# Hello\n\nSome **bold** words',
            featured: true,
            price: 42,
            eventDay: '2030-05-31',
            // 18:30 in Paris in June: summer time.
            startsAt: '2030-06-01T18:30:00+02:00',
            size: 'Large',
            colours: ['Red', 'Blue'],
            accent: '#3366cc',
            related: [intro.id],
            places: ['Paris, France', 'Lyon'],
            gallery: [],
          },
        });

        // Schedule it: "scheduled" in the editor, then in the list.
        await page.getByRole('button', { name: 'Schedule…' }).click();
        await field('Publish at').fill('2031-01-01 09:00');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Schedule', exact: true }).click();
        await page.getByText(/scheduled for/).waitFor();
        await page.getByText(/API clients see it from/).waitFor();
        expect((await api('GET', `${entries}/${launchId}`)).body.published).toBe(
          // 09:00 in Paris in January: winter time.
          '2031-01-01T08:00:00.000Z',
        );
        await shot('scheduled');
        await section(page, 'Entries');
        const launchRow = table.getByRole('row').filter({ hasText: `Launch ${label}` });
        await launchRow.getByText('Scheduled').waitFor();
        await table
          .getByRole('row')
          .filter({ hasText: `Intro ${label}` })
          .getByText('Published')
          .waitFor();
        await table
          .getByRole('row')
          .filter({ hasText: `Old note ${label}` })
          .getByText('Draft')
          .waitFor();

        // Find entries by type, tag and words of the name.
        const names = async () => (await table.getByRole('link').allTextContents()).sort();
        await page.getByLabel('Entry type').selectOption({ label: `Article ${label}` });
        await eventually(async () => expect(await names()).toEqual([`Launch ${label}`]));
        await page.getByLabel('Entry type').selectOption({ label: 'All entry types' });
        await page.getByRole('combobox', { name: 'Tags' }).click();
        await page.getByRole('option', { name: 'archive (1)' }).click();
        await page.keyboard.press('Escape');
        await eventually(async () => expect(await names()).toEqual([`Old note ${label}`]));
        await shot('filtered');
        await page.getByRole('combobox', { name: 'Tags' }).press('Backspace');
        await page.getByLabel('Search entries').fill('temp');
        await eventually(async () =>
          expect(await names()).toEqual([`Temp A ${label}`, `Temp B ${label}`]),
        );
        await page.getByLabel('Search entries').fill('no such words');
        await page.getByText('No entry matches these filters.').waitFor();
        await page.getByRole('button', { name: 'Clear the filters' }).click();
        await eventually(async () => expect(await names()).toHaveLength(5));

        // Two at once, with the count on the button and in the question.
        await page.getByRole('checkbox', { name: `Select “Temp A ${label}”` }).check();
        await page.getByRole('checkbox', { name: `Select “Temp B ${label}”` }).check();
        await page.getByRole('button', { name: 'Delete 2 entries…' }).click();
        const confirm = page.getByRole('dialog', { name: 'Delete 2 entries?' });
        await confirm.getByText(`“Temp A ${label}”, “Temp B ${label}”`).waitFor();
        await shot('bulk-delete');
        await confirm.getByRole('button', { name: 'Delete 2 entries' }).click();
        await page.getByText('2 entries deleted').waitFor();
        await eventually(async () => expect(await names()).toHaveLength(3));
        for (const entry of temporary) {
          expect((await api('GET', `${entries}/${entry.id}`)).status).toBe(404);
        }

        // Unsaved changes: leaving asks first; staying keeps what was typed.
        await table.getByRole('link', { name: `Launch ${label}` }).click();
        await field('Title').fill('A title not saved');
        await section(page, 'Members');
        const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
        await leave.waitFor();
        await shot('unsaved-changes');
        await leave.getByRole('button', { name: 'Stay and keep editing' }).click();
        await expect(field('Title').inputValue()).resolves.toBe('A title not saved');
        await page.goBack();
        await leave.waitFor();
        await leave.getByRole('button', { name: 'Stay and keep editing' }).click();
        expect(new URL(page.url()).pathname).toBe(
          `/admin/projects/${project.id}/entries/${launchId}`,
        );
        await section(page, 'Members');
        await leave.getByRole('button', { name: 'Leave without saving' }).click();
        await page.getByRole('list', { name: 'Members' }).waitFor();
        expect((await api('GET', `${entries}/${launchId}`)).body.fields.title).toBe('Launch day');

        // The keyboard alone: a new note written, saved, edited and saved again.
        await page.goto(
          `${world.origin}/admin/projects/${project.id}/entries/new?entryType=${note.id}`,
        );
        await page.getByRole('heading', { name: `New Note ${label}` }).waitFor();
        await tabTo(page, 'Name');
        await page.keyboard.type(`Typed ${label}`);
        await tabTo(page, 'Summary');
        await page.keyboard.type('Written without a mouse');
        await tabTo(page, 'Pinned');
        await page.keyboard.press('Space');
        await tabTo(page, 'Rank');
        await page.keyboard.type('7');
        await tabTo(page, 'Mood');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await tabTo(page, 'Keywords');
        await page.keyboard.type('alpha');
        await page.keyboard.press('Enter');
        await page.keyboard.type('beta');
        await page.keyboard.press('Enter');
        await tabTo(page, 'Save');
        await shot('keyboard');
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/entries\/\d+$/);
        const typedId = Number(new URL(page.url()).pathname.split('/').pop());
        expect((await api('GET', `${entries}/${typedId}`)).body).toMatchObject({
          name: `Typed ${label}`,
          fields: {
            summary: 'Written without a mouse',
            pinned: true,
            rank: 7,
            mood: 'Happy',
            keywords: ['alpha', 'beta'],
          },
        });
        await tabTo(page, 'Summary');
        await page.keyboard.press('ControlOrMeta+a');
        await page.keyboard.type('Edited without a mouse');
        // Enter in a text field saves the form.
        await page.keyboard.press('Enter');
        await eventually(async () =>
          expect((await api('GET', `${entries}/${typedId}`)).body.fields.summary).toBe(
            'Edited without a mouse',
          ),
        );

        // Closing the tab with unsaved changes: the browser's own question.
        await page.getByLabel('Summary', { exact: true }).fill('Not saved either');
        const asked = new Promise<string>((resolve) =>
          page.once('dialog', (dialog) => {
            resolve(dialog.type());
            void dialog.accept();
          }),
        );
        // The refusal provoked above, and the boot-time refresh without a cookie (401): Chromium
        // logs every 4xx. Anything else is a problem.
        expect(
          problems.filter(
            (problem) =>
              !/401 \(Unauthorized\)/.test(problem) &&
              !problem.endsWith(`status of 400 (Bad Request) (${world.origin}${entries})`),
          ),
        ).toEqual([]);
        expect(problems.filter((problem) => /Content Security Policy/i.test(problem))).toEqual([]);
        await page.close({ runBeforeUnload: true });
        await expect(asked).resolves.toBe('beforeunload');
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});

import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { bearer, createUser, signIn } from './helpers/auth';
import {
  describeInBrowser,
  unexpectedProblems,
  useBrowserWorld,
  VIEWPORTS,
  watchProblems,
} from './helpers/browser';
import { eventually } from './helpers/eventually';

const TIMEOUT = 180_000;

/** The ten fields the journey defines through the page, and what the API stores for each. */
const FIELDS = [
  {
    type: 'TEXT',
    label: 'Headline',
    options: { 'Minimum length': '5', 'Maximum length': '120' },
    switches: ['Required'],
    stored: {
      fieldType: 'TEXT',
      name: 'headline',
      label: 'Headline',
      description: '',
      required: true,
      disabled: false,
      minLength: 5,
      maxLength: 120,
      format: 'plaintext',
    },
  },
  {
    type: 'LONGTEXT',
    label: 'Body text',
    options: { 'Maximum length': '20000' },
    format: 'markdown',
    stored: {
      fieldType: 'LONGTEXT',
      name: 'bodyText',
      label: 'Body text',
      description: '',
      required: false,
      disabled: false,
      minLength: 0,
      maxLength: 20000,
      format: 'markdown',
    },
  },
  {
    type: 'BOOLEAN',
    label: 'Featured',
    options: { 'Label for yes': 'Shown', 'Label for no': 'Hidden' },
    stored: {
      fieldType: 'BOOLEAN',
      name: 'featured',
      label: 'Featured',
      description: '',
      required: false,
      disabled: false,
      labelTrue: 'Shown',
      labelFalse: 'Hidden',
    },
  },
  {
    type: 'NUMBER',
    label: 'Price',
    options: { 'Minimum value': '0', 'Maximum value': '999.5' },
    stored: {
      fieldType: 'NUMBER',
      name: 'price',
      label: 'Price',
      description: '',
      required: false,
      disabled: false,
      minValue: 0,
      maxValue: 999.5,
      format: 'number',
    },
  },
  {
    type: 'DATE',
    label: 'Publish day',
    format: 'date',
    stored: {
      fieldType: 'DATE',
      name: 'publishDay',
      label: 'Publish day',
      description: '',
      required: false,
      disabled: false,
      format: 'date',
    },
  },
  {
    type: 'CHOICE',
    label: 'Sizes',
    options: { Choices: 'Small\nMedium\nLarge' },
    format: 'multiple',
    stored: {
      fieldType: 'CHOICE',
      name: 'sizes',
      label: 'Sizes',
      description: '',
      required: false,
      disabled: false,
      choices: ['Small', 'Medium', 'Large'],
      format: 'multiple',
    },
  },
  {
    type: 'COLOR',
    label: 'Accent',
    format: 'rgba',
    stored: {
      fieldType: 'COLOR',
      name: 'accent',
      label: 'Accent',
      description: '',
      required: false,
      disabled: false,
      format: 'rgba',
    },
  },
  {
    type: 'LINK',
    label: 'Related',
    options: { 'Maximum length': '5' },
    stored: {
      fieldType: 'LINK',
      name: 'related',
      label: 'Related',
      description: '',
      required: false,
      disabled: false,
      minLength: 0,
      maxLength: 5,
    },
  },
  {
    type: 'LIST',
    label: 'Keywords',
    options: { 'Minimum length': '1', 'Maximum length': '10' },
    stored: {
      fieldType: 'LIST',
      name: 'keywords',
      label: 'Keywords',
      description: '',
      required: false,
      disabled: false,
      minLength: 1,
      maxLength: 10,
    },
  },
  {
    type: 'MEDIA',
    label: 'Gallery',
    options: { 'Help text': 'Ids until media exists', 'Maximum length': '12' },
    switches: ['Disabled'],
    stored: {
      fieldType: 'MEDIA',
      name: 'gallery',
      label: 'Gallery',
      description: 'Ids until media exists',
      required: false,
      disabled: true,
      minLength: 0,
      maxLength: 12,
    },
  },
] as const;

/** What the fields' order is after the journey moves "Keywords" up one and "Headline" down one. */
const MOVED = [1, 0, 2, 3, 4, 5, 6, 8, 7, 9].map((i) => FIELDS[i].stored);

/**
 * The entry types pages in real Chromium, at a desktop and a phone width:
 * define a type with every field type through the field editor, reorder its
 * fields by keyboard (and by drag on the desktop), save, see the API's
 * refusal under the field it is about, and delete types with and without
 * entries.
 */
describeInBrowser('the admin UI entry types pages in a real browser (headless Chromium)', () => {
  const world = useBrowserWorld('admin-ui-entry-types', TIMEOUT);
  let owner: { id: number; email: string; password: string };
  let ownerToken: string;

  beforeAll(async () => {
    owner = await createUser(world.t.app, { name: 'Ada Owner' });
    ownerToken = (await signIn(world.t.app, owner.email, owner.password)).access_token;
  }, TIMEOUT);

  /** The API as the owner sees it, to set up and to check what the page did. */
  const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await world.t.app.inject({ method, url, headers: bearer(ownerToken), payload });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };

  const section = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name }).click();
  const fieldCards = (page: Page) =>
    page.getByRole('list', { name: 'Fields' }).getByRole('listitem');
  /** The fields' headings read `expected` ("1. Headline", …), once the page has settled. */
  const expectOrder = async (page: Page, expected: string[]) => {
    const headings = page.getByRole('list', { name: 'Fields' }).getByRole('heading', { level: 4 });
    const wanted = expected.map((label, i) => `${i + 1}. ${label}`);
    const inOrder = async () =>
      JSON.stringify(await headings.allTextContents()) === JSON.stringify(wanted);
    await eventually(inOrder, { withinMs: 10_000, everyMs: 100 }).catch(() => undefined);
    expect(await headings.allTextContents()).toEqual(wanted);
  };

  async function signInAs(page: Page, user: { email: string; password: string }) {
    await page.goto(`${world.origin}/admin/sign-in`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Projects', level: 2 }).waitFor();
  }

  /** Drags `card` by its handle until its middle is on `target`'s middle, in small steps as a hand would. */
  async function drag(page: Page, card: Locator, target: Locator) {
    const handle = card.getByRole('button', { name: /^Drag/ });
    // Near the top, below the header: far from the edges, where dnd-kit would scroll the page.
    await page.evaluate(`window.scrollBy(0, ${(await card.boundingBox())!.y - 120})`);
    const grip = (await handle.boundingBox())!;
    const from = (await card.boundingBox())!;
    const to = (await target.boundingBox())!;
    const x = grip.x + grip.width / 2;
    const y = grip.y + grip.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    const by = to.y + to.height / 2 - (from.y + from.height / 2);
    await page.mouse.move(x, y + by, { steps: 20 });
    await page.mouse.up();
  }

  /**
   * Text under `selector` that stands out from what is behind it by less than
   * 4.5:1 (WCAG AA for normal text), with its ratio; disabled controls are
   * exempt. Evaluated in the page: the tests' types have no DOM.
   */
  const lowContrast = (page: Page, selector: string) =>
    page.evaluate(`(() => {
      const rgba = (colour) => {
        const [r, g, b, a = 1] = (colour.match(/[\\d.]+/g) ?? ['0', '0', '0', '0']).map(Number);
        return { r, g, b, a };
      };
      const over = (top, under) => ({
        r: top.r * top.a + under.r * (1 - top.a),
        g: top.g * top.a + under.g * (1 - top.a),
        b: top.b * top.a + under.b * (1 - top.a),
        a: 1,
      });
      const behind = (element) => {
        const layers = [];
        for (let e = element; e; e = e.parentElement) {
          const layer = rgba(getComputedStyle(e).backgroundColor);
          if (layer.a > 0) layers.push(layer);
          if (layer.a === 1) break;
        }
        return layers.reverse().reduce((under, top) => over(top, under), rgba('rgb(255,255,255)'));
      };
      const luminance = ({ r, g, b }) => {
        const linear = (v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
      };
      const root = document.querySelector(${JSON.stringify(selector)});
      if (!root) return ['nothing matches ' + ${JSON.stringify(selector)}];
      const low = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.trim();
        const element = node.parentElement;
        if (!text || element.getClientRects().length === 0) continue;
        if (element.closest(':disabled, [data-disabled], [aria-disabled="true"]')) continue;
        const background = behind(element);
        const colour = over(rgba(getComputedStyle(element).color), background);
        const [light, dark] = [luminance(colour), luminance(background)].sort((x, y) => y - x);
        const ratio = (light + 0.05) / (dark + 0.05);
        if (ratio < 4.5) low.push(text.slice(0, 40) + ' (' + ratio.toFixed(2) + ':1)');
      }
      return low;
    })()`);

  it.each(VIEWPORTS)(
    '$label ($width px): define every field type, reorder, save, fix a refusal, delete — no CSP violation',
    async ({ label, width, height, colorScheme }) => {
      const created = await api('POST', '/project', { name: `Catalogue ${label}` });
      expect(created.status).toBe(201);
      const projectId = (created.body as { id: number }).id;

      const context = await world.browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      const shot = (step: string) =>
        page.screenshot({ path: join(world.artifacts, `${label}-${step}.png`), fullPage: true });
      try {
        const problems = watchProblems(page);
        await signInAs(page, owner);
        await page.goto(`${world.origin}/admin/projects/${projectId}`);
        await section(page, 'Entry types');
        await page.getByText('No entry types yet').waitFor();
        await shot('empty');

        // A new type with one field of each of the ten types, through the field editor.
        await page.getByRole('link', { name: 'New entry type' }).click();
        await page.getByRole('heading', { name: 'New entry type' }).waitFor();
        const typeName = `Article ${label}`;
        await page.getByRole('textbox', { name: 'Entry type name' }).fill(typeName);
        await page.getByRole('textbox', { name: 'Description' }).fill('News and reviews');
        for (const [index, field] of FIELDS.entries()) {
          await page
            .getByRole('combobox', { name: 'Type of the new field' })
            .selectOption(field.type);
          await page.getByRole('button', { name: 'Add field' }).click();
          // The new field's label has focus; its name follows what is typed.
          await page.keyboard.type(field.label);
          const card = fieldCards(page).nth(index);
          await expect(
            card.getByRole('textbox', { name: 'Name', exact: true }).inputValue(),
          ).resolves.toBe(field.stored.name);
          for (const [option, value] of Object.entries('options' in field ? field.options : {})) {
            await card.getByRole('textbox', { name: option }).fill(value);
          }
          for (const name of 'switches' in field ? field.switches : []) {
            await card.getByRole('switch', { name: new RegExp(`^${name}`) }).check();
          }
          if ('format' in field) {
            await card.getByRole('combobox', { name: 'Format' }).selectOption(field.format);
          }
        }
        await expectOrder(
          page,
          FIELDS.map((field) => field.label),
        );

        // Keyboard: the handle picks the field up (space), an arrow moves it, space drops it.
        const keywords = page.getByRole('listitem', { name: /Keywords/ });
        await keywords.getByRole('button', { name: /^Drag/ }).focus();
        await page.keyboard.press('Space');
        await page
          .getByText(/Picked up “Keywords” at position 9 of 10/)
          .waitFor({ state: 'attached' });
        await page.keyboard.press('ArrowUp');
        await page.getByText(/“Keywords” is over position 8 of 10/).waitFor({ state: 'attached' });
        await page.keyboard.press('Space');
        await page
          .getByText(/“Keywords” dropped at position 8 of 10/)
          .waitFor({ state: 'attached' });
        // Focus comes back to the handle, ready for the next move.
        await expect(
          page.evaluate("document.activeElement?.getAttribute('aria-label')"),
        ).resolves.toBe('Drag “Keywords” to another position');
        const afterKeyboard = [...FIELDS.map((field) => field.label)];
        afterKeyboard.splice(7, 2, 'Keywords', 'Related');
        await expectOrder(page, afterKeyboard);

        // "Headline" down one: dragged with the mouse on the desktop, its button on the phone.
        const headline = page.getByRole('listitem', { name: /Headline/ });
        if (label === 'desktop') {
          await drag(page, headline, page.getByRole('listitem', { name: /Body text/ }));
        } else {
          await headline.getByRole('button', { name: 'Move “Headline” down' }).click();
        }
        await expectOrder(
          page,
          MOVED.map((field) => field.label),
        );
        await shot('editor');
        await expect(lowContrast(page, 'form')).resolves.toEqual([]);

        await page.getByRole('button', { name: 'Create entry type' }).click();
        await page.getByText(`Entry type “${typeName}” created`).waitFor();
        await page.getByRole('heading', { name: typeName, level: 3 }).waitFor();
        // The form was replaced by the type's own page: focus starts again at its title.
        await expect(
          page.evaluate(
            'document.activeElement.tagName + " " + document.activeElement.textContent',
          ),
        ).resolves.toBe(`H3 ${typeName}`);
        const entryTypeId = Number(new URL(page.url()).pathname.split('/').pop());
        expect(new URL(page.url()).pathname).toBe(
          `/admin/projects/${projectId}/entry-types/${entryTypeId}`,
        );
        const stored = await api('GET', `/project/${projectId}/entry-type/${entryTypeId}`);
        expect(stored.body).toMatchObject({
          name: typeName,
          description: 'News and reviews',
          fields: MOVED,
        });

        // Edit: two mistakes the API refuses, each message under the input it is about.
        const headlineCard = page.getByRole('listitem', { name: /Headline/ });
        await headlineCard.getByRole('textbox', { name: 'Minimum length' }).fill('200');
        const bodyCard = page.getByRole('listitem', { name: /Body text/ });
        await bodyCard.getByRole('textbox', { name: 'Name', exact: true }).fill('body text');
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.getByText('Validation failed: see the messages under the fields.').waitFor();
        const tooShort = headlineCard.getByText('minLength must not be greater than maxLength');
        const badName = bodyCard.getByText(/name must start with a letter/);
        await tooShort.waitFor();
        await badName.waitFor();
        const minLength = headlineCard.getByRole('textbox', { name: 'Minimum length' });
        expect(await minLength.getAttribute('aria-describedby')).toContain(
          await tooShort.getAttribute('id'),
        );
        expect(
          await bodyCard
            .getByRole('textbox', { name: 'Name', exact: true })
            .getAttribute('aria-describedby'),
        ).toContain(await badName.getAttribute('id'));
        await shot('refused');
        await expect(lowContrast(page, 'form')).resolves.toEqual([]);

        // Unsaved changes: a link in the app asks first; so does closing the tab.
        await section(page, 'Entry types');
        const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
        await leave.getByRole('button', { name: 'Stay on this page' }).click();
        await leave.waitFor({ state: 'hidden' });
        expect(new URL(page.url()).pathname).toBe(
          `/admin/projects/${projectId}/entry-types/${entryTypeId}`,
        );
        const asked = new Promise<string>((resolve) =>
          page.once('dialog', (dialog) => {
            resolve(dialog.type());
            void dialog.dismiss();
          }),
        );
        await page.close({ runBeforeUnload: true });
        await expect(asked).resolves.toBe('beforeunload');
        expect(page.isClosed()).toBe(false);

        await minLength.fill('5');
        await bodyCard.getByRole('textbox', { name: 'Name', exact: true }).fill('body');
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.getByText(`Saved “${typeName}”`).waitFor();
        await expect(tooShort.count()).resolves.toBe(0);
        const edited = await api('GET', `/project/${projectId}/entry-type/${entryTypeId}`);
        expect(edited.body.fields).toEqual(
          MOVED.map((field) => (field.name === 'bodyText' ? { ...field, name: 'body' } : field)),
        );

        // Delete: refused in words while a type has entries; done when it has none.
        const note = await api('POST', `/project/${projectId}/entry-type`, {
          name: `Note ${label}`,
          fields: [{ name: 'text', label: 'Text', fieldType: 'TEXT' }],
        });
        const scratch = await api('POST', `/project/${projectId}/entry-type`, {
          name: `Scratch ${label}`,
        });
        expect([note.status, scratch.status]).toEqual([201, 201]);
        const entry = await api('POST', `/project/${projectId}/entry`, {
          entryTypeId: note.body.id,
          name: 'A note',
          fields: { text: 'Hello' },
        });
        expect(entry.status).toBe(201);
        // Saved: the link goes without asking.
        await section(page, 'Entry types');
        const list = page.getByRole('list', { name: 'Entry types' });
        await list.getByRole('listitem', { name: `Note ${label}` }).waitFor();
        await expect(leave.count()).resolves.toBe(0);
        await list
          .getByRole('listitem', { name: typeName })
          .getByText('10 fields: Body text (Long text), Headline (Text)')
          .waitFor();

        await list
          .getByRole('listitem', { name: `Note ${label}` })
          .getByRole('button', { name: /^Delete/ })
          .click();
        const refuse = page.getByRole('dialog', { name: `Delete “Note ${label}”?` });
        await refuse.getByRole('button', { name: 'Delete entry type' }).click();
        await refuse
          .getByRole('alert')
          .getByText('This entry type still has 1 entry; delete them first')
          .waitFor();
        await shot('delete-refused');
        await refuse.getByRole('button', { name: 'Cancel' }).click();
        await refuse.waitFor({ state: 'hidden' });
        expect((await api('GET', `/project/${projectId}/entry-type/${note.body.id}`)).status).toBe(
          200,
        );

        await list
          .getByRole('listitem', { name: `Scratch ${label}` })
          .getByRole('button', { name: /^Delete/ })
          .click();
        await page
          .getByRole('dialog', { name: `Delete “Scratch ${label}”?` })
          .getByRole('button', { name: 'Delete entry type' })
          .click();
        await page.getByText(`Entry type “Scratch ${label}” deleted`).waitFor();
        await list
          .getByRole('listitem', { name: `Scratch ${label}` })
          .waitFor({ state: 'detached' });
        expect(
          (await api('GET', `/project/${projectId}/entry-type/${scratch.body.id}`)).status,
        ).toBe(404);
        await shot('list');
        await expect(lowContrast(page, 'ul[aria-label="Entry types"]')).resolves.toEqual([]);

        // The boot-time refresh without a cookie is a 401 the app expects; the 400 and the 409
        // are the refusals this journey provoked on purpose (Chromium logs every 4xx).
        const provoked = [
          `status of 400 (Bad Request) (${world.origin}/project/${projectId}/entry-type/${entryTypeId})`,
          `status of 409 (Conflict) (${world.origin}/project/${projectId}/entry-type/${note.body.id})`,
        ];
        expect(unexpectedProblems(problems, provoked)).toEqual([]);
        expect(problems.filter((problem) => /Content Security Policy/i.test(problem))).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'an author sees the entry types, and every control to change them is off with the reason',
    async () => {
      const author = await createUser(world.t.app, { name: 'Bea Author' });
      const created = await api('POST', '/project', { name: 'Read only' });
      const projectId = (created.body as { id: number }).id;
      expect(
        (
          await api('POST', `/project/${projectId}/member`, {
            email: author.email,
            membershipType: 'author',
          })
        ).status,
      ).toBe(201);
      const type = await api('POST', `/project/${projectId}/entry-type`, {
        name: 'Page',
        fields: [{ name: 'title', label: 'Title', fieldType: 'TEXT', required: true }],
      });
      const reason = 'Only the project’s admins can define, change or delete entry types.';

      const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      try {
        const problems = watchProblems(page);
        await signInAs(page, author);
        await page.goto(`${world.origin}/admin/projects/${projectId}/entry-types`);
        const create = page.getByRole('button', { name: 'New entry type' });
        await create.waitFor();
        await expect(create.isDisabled()).resolves.toBe(true);
        await page.getByText(reason).waitFor();
        const card = page
          .getByRole('list', { name: 'Entry types' })
          .getByRole('listitem', { name: 'Page' });
        await expect(card.getByRole('button', { name: /^Delete/ }).isDisabled()).resolves.toBe(
          true,
        );

        await card.getByRole('link', { name: 'Page' }).click();
        await page.getByRole('heading', { name: 'Page', level: 3 }).waitFor();
        const fieldCard = fieldCards(page).first();
        await expect(fieldCard.getByRole('textbox', { name: 'Label' }).inputValue()).resolves.toBe(
          'Title',
        );
        await expect(fieldCard.getByRole('textbox', { name: 'Label' }).isDisabled()).resolves.toBe(
          true,
        );
        await expect(page.getByRole('button', { name: 'Save changes' }).isDisabled()).resolves.toBe(
          true,
        );
        await expect(page.getByRole('button', { name: 'Add field' }).count()).resolves.toBe(0);
        await page.screenshot({ path: join(world.artifacts, 'author.png'), fullPage: true });
        expect(
          (await api('GET', `/project/${projectId}/entry-type/${type.body.id}`)).body.fields,
        ).toHaveLength(1);
        expect(problems.filter((problem) => !/401 \(Unauthorized\)/.test(problem))).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});

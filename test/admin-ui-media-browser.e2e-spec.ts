import { join } from 'node:path';
import sharp from 'sharp';
import { bearer, createUser, signIn } from './helpers/auth';
import { openSection, signInThroughPage } from './helpers/admin-ui-steps';
import { describeInBrowser, useBrowserWorld, watchProblems } from './helpers/browser';

const TIMEOUT = 120_000;

/** A real PNG of this size and colour, for the browser to upload and the API to thumbnail. */
const png = (width: number, height: number, colour: string) =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();

/**
 * The media page in real Chromium (desktop): files chosen in the file
 * chooser upload one by one with their progress, a refused one says why;
 * the thumbnail is a decoded image fetched with the token (blob: URL, which
 * the CSP allows); description and tags saved; the tag filter; the MEDIA
 * field's picker in the entry editor; a bulk delete.
 */
describeInBrowser('the admin UI media page in a real browser (headless Chromium)', () => {
  const world = useBrowserWorld('admin-ui-media', TIMEOUT);
  let owner: { email: string; password: string };
  let token: string;
  let projectId: number;
  let typeId: number;

  const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await world.t.app.inject({ method, url, headers: bearer(token), payload });
    return { status: res.statusCode, body: res.body ? res.json<unknown>() : undefined };
  };

  beforeAll(async () => {
    owner = await createUser(world.t.app, { name: 'Mia Media' });
    token = (await signIn(world.t.app, owner.email, owner.password)).access_token;
    projectId = ((await api('POST', '/project', { name: 'Gallery site' })).body as { id: number })
      .id;
    const type = await api('POST', `/project/${projectId}/entry-type`, {
      name: 'Album',
      fields: [{ name: 'pictures', label: 'Pictures', fieldType: 'MEDIA', maxLength: 2 }],
    });
    expect(type.status).toBe(201);
    typeId = (type.body as { id: number }).id;
  }, TIMEOUT);

  it(
    'uploads, shows a real thumbnail, describes and tags, filters, picks in an entry, deletes — no CSP violation',
    async () => {
      const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const shot = (step: string) =>
        page.screenshot({ path: join(world.artifacts, `${step}.png`), fullPage: true });
      try {
        const problems = watchProblems(page);
        await signInThroughPage(page, world.origin, owner);
        await page.getByRole('link', { name: 'Gallery site', exact: true }).click();
        await openSection(page, 'Media');
        await page.getByText('No media yet').waitFor();

        // Three files in the chooser: two images, and bytes of no accepted type.
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Choose files…' }).click();
        await (
          await chooser
        ).setFiles([
          { name: 'red.png', mimeType: 'image/png', buffer: await png(64, 48, '#c00') },
          { name: 'blue.png', mimeType: 'image/png', buffer: await png(30, 30, '#00c') },
          {
            name: 'noise.bin',
            mimeType: 'application/octet-stream',
            buffer: Buffer.from([0, 1, 2, 255, 254, 3, 0, 7]),
          },
        ]);
        const uploads = page.getByRole('region', { name: 'Uploads' });
        await uploads.getByText('2 of 3 uploaded, 1 failed').waitFor();
        await uploads
          .getByText(/noise\.bin: This kind of file \(.+\) is not accepted here/)
          .waitFor();

        // The thumbnail: fetched with the token, shown from a blob: URL, decoded by the browser.
        const card = page.getByRole('button', { name: 'Details of “red.png”' });
        const thumbnail = card.getByRole('img', { name: 'red.png' });
        await thumbnail.waitFor();
        // This file has no DOM types: what the check reads of the <img>.
        type Decoded = { complete: boolean; naturalWidth: number };
        await page.waitForFunction(
          (img) => (img as Decoded).complete && (img as Decoded).naturalWidth > 0,
          await thumbnail.elementHandle(),
        );
        expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
        await shot('grid');

        // Details: what it is; a description and a tag, saved.
        await card.click();
        const drawer = page.getByRole('dialog', { name: 'red.png' });
        await drawer.getByText('64 × 48 pixels').waitFor();
        await drawer.getByText('image/png').waitFor();
        await drawer.getByLabel('Description').fill('A red rectangle');
        await drawer.getByRole('combobox', { name: 'Tags' }).fill('hero');
        await page.keyboard.press('Enter');
        await drawer.getByRole('button', { name: 'Save' }).click();
        await page.getByText('Saved “red.png”').waitFor();
        const list = await api('GET', `/project/${projectId}/media?search=red`);
        const red = (
          list.body as { results: { id: number; description: string; tags: string[] }[] }
        ).results[0];
        expect(red).toMatchObject({ description: 'A red rectangle', tags: ['hero'] });
        await shot('details');
        await page.keyboard.press('Escape');
        await drawer.waitFor({ state: 'hidden' });

        // The tag filter: only the tagged file.
        await page.getByRole('combobox', { name: 'Tags' }).click();
        await page.getByRole('option', { name: 'hero' }).click();
        await page.keyboard.press('Escape');
        await page
          .getByRole('button', { name: 'Details of “blue.png”' })
          .waitFor({ state: 'detached' });
        await page.getByText('1 file', { exact: true }).waitFor();

        // The entry editor's MEDIA field: pick it from the library, save.
        await page.goto(
          `${world.origin}/admin/projects/${projectId}/entries/new?entryType=${typeId}`,
        );
        await page.getByLabel(/^Name\s*\*?$/).fill('Summer');
        await page.getByRole('button', { name: 'Choose files for Pictures…' }).click();
        const picker = page.getByRole('dialog', { name: 'Choose files for Pictures' });
        await picker.getByRole('button', { name: 'Pick “red.png”' }).click();
        await picker.getByRole('button', { name: 'Add 1 file' }).click();
        await page
          .getByRole('group', { name: 'Pictures' })
          .getByRole('img', { name: 'A red rectangle' })
          .waitFor();
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByRole('heading', { name: 'Summer' }).waitFor();
        const entries = await api('GET', `/project/${projectId}/entry?nonPublished=true`);
        expect((entries.body as { results: { fields: unknown }[] }).results[0].fields).toEqual({
          pictures: [red.id],
        });
        await shot('entry');

        // Both files selected and deleted at once, after a confirmation with the count.
        await openSection(page, 'Media');
        await page.getByLabel('Select every file on this page').check();
        await page.getByRole('button', { name: 'Delete 2 files…' }).click();
        await page
          .getByRole('dialog', { name: 'Delete 2 files?' })
          .getByRole('button', { name: 'Delete 2 files' })
          .click();
        await page.getByText('No media yet').waitFor();
        expect((await api('GET', `/project/${projectId}/media/${red.id}`)).status).toBe(404);

        // The refused upload (415) and the boot-time refresh without a cookie (401): Chromium logs
        // every 4xx. Anything else is a problem.
        expect(
          problems.filter(
            (problem) => !/401 \(Unauthorized\)/.test(problem) && !/status of 415/.test(problem),
          ),
        ).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});

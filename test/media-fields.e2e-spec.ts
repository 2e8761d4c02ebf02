import sharp from 'sharp';
import { createTestApp, TestApp } from './helpers/app';
import { bearer, clientToken, createUser, signIn } from './helpers/auth';
import { multipart } from './helpers/multipart';

/** MEDIA fields hold media of the entry's own project, and entries can embed them. */
describe('MEDIA fields and expand=media', () => {
  let t: TestApp;
  let admin: string;
  let client: string;
  let projectId: number;
  let otherProjectId: number;
  let typeId: number;
  let photo: { id: number; url: string };
  let logo: { id: number; url: string };
  let foreign: { id: number };

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...bearer(token), ...headers },
      payload: payload as object,
    });

  async function upload(project: number, name: string, width: number, height: number) {
    const image = await sharp({
      create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 } },
    })
      .png()
      .toBuffer();
    const body = multipart([{ field: 'file', value: image, filename: name }]);
    const res = await call(
      'POST',
      `/project/${project}/media/upload`,
      admin,
      body.payload,
      body.headers,
    );
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  const entry = (fields: Record<string, unknown>) => ({
    entryTypeId: typeId,
    name: 'With pictures',
    published: '2020-01-01T00:00:00Z',
    tags: [],
    fields: { title: 'Hello', ...fields },
  });

  beforeAll(async () => {
    t = await createTestApp({ env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000' } });
    const owner = await createUser(t.app);
    admin = (await signIn(t.app, owner.email, owner.password)).access_token;
    projectId = (await call('POST', '/project/', admin, { name: 'Pictures' })).json().id;
    otherProjectId = (await call('POST', '/project/', admin, { name: 'Elsewhere' })).json().id;
    typeId = (
      await call('POST', `/project/${projectId}/entry-type/`, admin, {
        name: 'Story',
        fields: [
          { name: 'title', label: 'Title', fieldType: 'TEXT' },
          { name: 'hero', label: 'Hero', fieldType: 'MEDIA', maxLength: 1 },
          { name: 'gallery', label: 'Gallery', fieldType: 'MEDIA' },
        ],
      })
    ).json().id;
    photo = await upload(projectId, 'photo.png', 80, 60);
    logo = await upload(projectId, 'logo.png', 20, 10);
    foreign = await upload(otherProjectId, 'theirs.png', 8, 8);
    await call('PUT', `/project/${projectId}/media/${photo.id}`, admin, {
      description: 'A view',
      tags: [],
    });
    client = await clientToken(
      t.app,
      (await call('POST', `/project/${projectId}/client/`, admin, { name: 'Site' })).json(),
    );
  });

  afterAll(() => t.close());

  it('saves ids of the project’s media and reads them back as ids', async () => {
    const created = await call(
      'POST',
      `/project/${projectId}/entry/`,
      admin,
      entry({ hero: [photo.id], gallery: [logo.id, photo.id] }),
    );
    expect(created.statusCode).toBe(201);
    const read = await call('GET', `/project/${projectId}/entry/${created.json().id}`, admin);
    expect(read.json().fields).toEqual({
      title: 'Hello',
      hero: [photo.id],
      gallery: [logo.id, photo.id],
    });
  });

  it.each([
    ['another project’s media', () => foreign.id],
    ['a media id that does not exist', () => 999_999],
  ])('refuses %s with a 400 under the field, on POST and PUT', async (_case, id) => {
    const expected = {
      status: 400,
      name: 'ValidationError',
      errors: { fields: { gallery: [`no media ${id()} in this project`] } },
    };
    const posted = await call(
      'POST',
      `/project/${projectId}/entry/`,
      admin,
      entry({ gallery: [logo.id, id()] }),
    );
    expect(posted.json()).toMatchObject(expected);

    const saved = (
      await call('POST', `/project/${projectId}/entry/`, admin, entry({ gallery: [logo.id] }))
    ).json();
    const put = await call(
      'PUT',
      `/project/${projectId}/entry/${saved.id}`,
      admin,
      entry({ gallery: [id()] }),
    );
    expect(put.json()).toMatchObject(expected);
    const stored = await call('GET', `/project/${projectId}/entry/${saved.id}`, admin);
    expect(stored.json().fields.gallery).toEqual([logo.id]);
  });

  it('names every missing id of every field at once, LINK and MEDIA together', async () => {
    const res = await call(
      'POST',
      `/project/${projectId}/entry/`,
      admin,
      entry({ hero: [foreign.id], gallery: [999_998, logo.id, 999_997] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.fields).toEqual({
      hero: [`no media ${foreign.id} in this project`],
      gallery: ['no media 999998, 999997 in this project'],
    });
  });

  describe('?expand=media', () => {
    let entryId: number;
    const embedOf = (
      media: { id: number; url: string },
      width: number,
      height: number,
      description = '',
    ) => ({
      id: media.id,
      url: media.url,
      width,
      height,
      mimeType: 'image/png',
      description,
    });

    beforeAll(async () => {
      entryId = (
        await call(
          'POST',
          `/project/${projectId}/entry/`,
          admin,
          entry({ hero: [photo.id], gallery: [logo.id, photo.id] }),
        )
      ).json().id;
    });

    it('an entry: each MEDIA field holds the media themselves, in order', async () => {
      const res = await call('GET', `/project/${projectId}/entry/${entryId}?expand=media`, client);
      expect(res.statusCode).toBe(200);
      expect(res.json().fields).toEqual({
        title: 'Hello',
        hero: [embedOf(photo, 80, 60, 'A view')],
        gallery: [embedOf(logo, 20, 10), embedOf(photo, 80, 60, 'A view')],
      });
    });

    it('the entry list embeds them too; without expand the ids stay', async () => {
      const expanded = await call(
        'GET',
        `/project/${projectId}/entry/?expand=media&pageSize=100`,
        client,
      );
      const plain = await call('GET', `/project/${projectId}/entry/?pageSize=100`, client);
      const find = (page: { results: { id: number; fields: Record<string, unknown> }[] }) =>
        page.results.find((result) => result.id === entryId)!;
      expect(find(expanded.json()).fields.gallery).toEqual([
        embedOf(logo, 20, 10),
        embedOf(photo, 80, 60, 'A view'),
      ]);
      expect(find(plain.json()).fields.gallery).toEqual([logo.id, photo.id]);
    });

    it('an unknown expansion is a 400 naming expand', async () => {
      for (const url of [
        `/project/${projectId}/entry/${entryId}?expand=user`,
        `/project/${projectId}/entry/?expand=media,user`,
      ]) {
        const res = await call('GET', url, client);
        expect(res.statusCode).toBe(400);
        expect(res.json().errors.expand).toEqual(['expand must be one of media']);
      }
    });

    it('a changed description shows at once, though the page was cached', async () => {
      const url = `/project/${projectId}/entry/${entryId}?expand=media`;
      await call('GET', url, client);
      await call('PUT', `/project/${projectId}/media/${logo.id}`, admin, {
        description: 'The logo',
        tags: [],
      });
      const res = await call('GET', url, client);
      expect(res.json().fields.gallery[0]).toEqual(embedOf(logo, 20, 10, 'The logo'));
    });

    it('deleted media are left out of the expansion; the stored ids are kept', async () => {
      const doomed = await upload(projectId, 'doomed.png', 4, 4);
      const id = (
        await call(
          'POST',
          `/project/${projectId}/entry/`,
          admin,
          entry({ gallery: [doomed.id, logo.id] }),
        )
      ).json().id;
      await call('GET', `/project/${projectId}/entry/${id}?expand=media`, client);
      expect(
        (await call('DELETE', `/project/${projectId}/media/${doomed.id}`, admin)).statusCode,
      ).toBe(204);
      const expanded = await call('GET', `/project/${projectId}/entry/${id}?expand=media`, client);
      expect(expanded.json().fields.gallery).toEqual([embedOf(logo, 20, 10, 'The logo')]);
      const plain = await call('GET', `/project/${projectId}/entry/${id}`, admin);
      expect(plain.json().fields.gallery).toEqual([doomed.id, logo.id]);
    });
  });
});

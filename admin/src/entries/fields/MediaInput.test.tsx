// @vitest-environment jsdom
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderWithMantine } from '../../test/render';
import type { Media } from '../../media/api';
import { MediaLibraryContext, type MediaLibrary } from '../../media/library';
import { fieldOf } from './definitions';
import { FieldInput } from './FieldInput';

type Dto = Parameters<typeof fieldOf>[0];

function media(id: number, name: string, thumbnail = true): Media {
  const url = `http://cms.example/project/1/media/${id}/file/abcdef0123456789`;
  return {
    id,
    projectId: 1,
    userId: 1,
    name,
    file: url,
    url,
    thumbnail: thumbnail ? `${url}?w=200&h=200&fit=cover&format=webp` : null,
    thumbnailUrl: thumbnail ? `${url}?w=200&h=200&fit=cover&format=webp` : null,
    mimeType: thumbnail ? 'image/jpeg' : 'application/pdf',
    size: 1234,
    width: thumbnail ? 640 : 0,
    height: thumbnail ? 480 : 0,
    description: '',
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: '2026-01-01T00:00:00.000Z',
  };
}

const LIBRARY = [media(1, 'cat.jpg'), media(2, 'dog.jpg'), media(3, 'report.pdf', false)];

/** A media library of three files; `file` counts the thumbnails fetched with the token. */
function fakeLibrary(publicMedia = false): MediaLibrary & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    scope: ['test-media', publicMedia],
    publicMedia,
    list: ({ search }) => {
      const results = LIBRARY.filter((item) => !search || item.name.includes(search));
      return Promise.resolve({ page: 1, totalPages: 1, totalRecords: results.length, results });
    },
    find: (ids) =>
      Promise.resolve(new Map(ids.map((id) => [id, LIBRARY.find((m) => m.id === id) ?? null]))),
    tags: () => Promise.resolve([]),
    file: (url) => {
      fetched.push(url);
      return Promise.resolve(new Blob(['image'], { type: 'image/webp' }));
    },
  };
}

function renderMedia(
  dto: Partial<Dto>,
  initial: number[],
  options: { error?: string; publicMedia?: boolean } = {},
) {
  const field = fieldOf({ fieldType: 'MEDIA', name: 'gallery', label: 'Gallery', ...dto } as Dto);
  const onChange = vi.fn();
  const library = fakeLibrary(options.publicMedia);
  function Holder() {
    const [value, setValue] = useState<unknown>(initial);
    return (
      <FieldInput
        field={field}
        value={value}
        error={options.error}
        onChange={(next) => {
          onChange(next);
          setValue(next);
        }}
      />
    );
  }
  const rendered = renderWithMantine(
    <QueryClientProvider client={new QueryClient()}>
      <MediaLibraryContext value={library}>
        <Holder />
      </MediaLibraryContext>
    </QueryClientProvider>,
  );
  return { ...rendered, library, last: () => onChange.mock.calls.at(-1)?.[0] as unknown };
}

const created: string[] = [];
const revoked: string[] = [];
URL.createObjectURL = (blob: Blob) => {
  const url = `blob:test/${created.length + 1}-${blob.size}`;
  created.push(url);
  return url;
};
URL.revokeObjectURL = (url: string) => void revoked.push(url);
afterEach(() => {
  created.length = 0;
  revoked.length = 0;
});

describe('MEDIA', () => {
  it('shows the chosen files as thumbnails fetched with the token, and revokes their blob URLs when gone', async () => {
    const { unmount, library } = renderMedia({}, [1, 3]);
    const group = screen.getByRole('group', { name: 'Gallery' });
    const cat = await within(group).findByRole('img', { name: 'cat.jpg' });
    expect(cat.getAttribute('src')).toMatch(/^blob:test\//);
    expect(library.fetched).toEqual([LIBRARY[0].thumbnailUrl]);
    // A PDF has no thumbnail: its kind in words.
    within(group).getByText('PDF');
    within(group).getByText('report.pdf');
    unmount();
    expect(revoked).toEqual(created);
  });

  it('with public media, loads the thumbnail from its URL on this origin, without the token', async () => {
    const { library } = renderMedia({}, [1], { publicMedia: true });
    const cat = await screen.findByRole('img', { name: 'cat.jpg' });
    expect(cat.getAttribute('src')).toBe(
      '/project/1/media/1/file/abcdef0123456789?w=200&h=200&fit=cover&format=webp',
    );
    expect(library.fetched).toEqual([]);
  });

  it('picks several files in the library, adds them after what was chosen, and removes one', async () => {
    const { user, last } = renderMedia({}, [3]);
    await user.click(screen.getByRole('button', { name: 'Add files to Gallery…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Choose files for Gallery' });
    // What the field holds is shown pressed and cannot be picked twice.
    const report = await within(dialog).findByRole('button', {
      name: '“report.pdf” (chosen already)',
    });
    expect(report).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('button', { name: 'Pick “dog.jpg”' }));
    await user.click(within(dialog).getByRole('button', { name: 'Pick “cat.jpg”' }));
    expect(
      within(dialog).getByRole('button', { name: 'Pick “cat.jpg”' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await user.click(within(dialog).getByRole('button', { name: 'Add 2 files' }));
    expect(last()).toEqual([3, 2, 1]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Remove “dog.jpg” from Gallery' }));
    expect(last()).toEqual([3, 1]);
  });

  it('searches the library by name', async () => {
    const { user } = renderMedia({}, []);
    await user.click(screen.getByRole('button', { name: 'Choose files for Gallery…' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('button', { name: 'Pick “cat.jpg”' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search media' }), 'dog');
    await waitFor(() =>
      expect(within(dialog).queryByRole('button', { name: 'Pick “cat.jpg”' })).toBeNull(),
    );
    within(dialog).getByRole('button', { name: 'Pick “dog.jpg”' });
  });

  it('keeps to the field’s maximum: one pick too many is refused in words; a full field picks no more', async () => {
    const { user, last } = renderMedia({ maxLength: 2 }, [3]);
    screen.getByText('Files of the media library · At most 2 files');
    await user.click(screen.getByRole('button', { name: 'Add files to Gallery…' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(await within(dialog).findByRole('button', { name: 'Pick “cat.jpg”' }));
    await user.click(within(dialog).getByRole('button', { name: 'Pick “dog.jpg”' }));
    within(dialog).getByRole('alert');
    within(dialog).getByText('This field takes 1 file more at most: unpick one first.');
    await user.click(within(dialog).getByRole('button', { name: 'Add 1 file' }));
    expect(last()).toEqual([3, 1]);
    expect(screen.getByRole('button', { name: 'Add files to Gallery…' })).toHaveProperty(
      'disabled',
      true,
    );
    screen.getByText('Full: remove a file to choose another.');
  });

  it('shows the API’s message under the field, and a file deleted since it was chosen', async () => {
    renderMedia({}, [99], { error: 'Gallery must have at least 2 items' });
    const button = screen.getByRole('button', { name: 'Add files to Gallery…' });
    const shown = screen.getByText('Gallery must have at least 2 items');
    expect(button.getAttribute('aria-describedby')?.split(' ')).toContain(shown.id);
    expect(button.getAttribute('aria-invalid')).toBe('true');
    await screen.findByText('Deleted from the media library');
    screen.getByRole('button', { name: 'Remove “Media 99” from Gallery' });
  });
});

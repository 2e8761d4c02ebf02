// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import {
  createMemoryRouter,
  Link,
  MemoryRouter,
  Route,
  RouterProvider,
  Routes,
} from 'react-router';
import { renderWithMantine } from '../test/render';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

function Editor({ dirty }: { dirty: boolean }) {
  return (
    <main>
      <h1>Editor</h1>
      <Link to="/elsewhere">Elsewhere</Link>
      <Link to="/editor">This page</Link>
      <UnsavedChangesGuard when={dirty} />
    </main>
  );
}

const elsewhere = <h1>Elsewhere page</h1>;

/** Under `<BrowserRouter>`-like routers (no data router): the app's links are guarded. */
function declarative(dirty: boolean) {
  return renderWithMantine(
    <MemoryRouter initialEntries={['/editor']}>
      <Routes>
        <Route path="/editor" element={<Editor dirty={dirty} />} />
        <Route path="/elsewhere" element={elsewhere} />
      </Routes>
    </MemoryRouter>,
  );
}

/** Under a data router: its blocker. */
function dataRouter(dirty: boolean) {
  const router = createMemoryRouter(
    [
      { path: '/editor', element: <Editor dirty={dirty} /> },
      { path: '/elsewhere', element: elsewhere },
    ],
    { initialEntries: ['/editor'] },
  );
  return { router, ...renderWithMantine(<RouterProvider router={router} />) };
}

describe.each([
  ['declarative router', declarative],
  ['data router', dataRouter],
])('UnsavedChangesGuard under a %s', (_, render) => {
  it('asks before a link leaves unsaved changes: stay, then leave', async () => {
    const { user } = render(true);
    await user.click(screen.getByRole('link', { name: 'Elsewhere' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(dialog.textContent).toContain('Leaving loses them.');
    await user.click(screen.getByRole('button', { name: 'Stay on this page' }));
    expect(screen.getByRole('heading', { name: 'Editor' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Elsewhere' }));
    await user.click(await screen.findByRole('button', { name: 'Leave without saving' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere page' })).toBeTruthy();
  });

  it('lets a link to the same page, or any link without changes, go', async () => {
    const clean = render(false);
    await clean.user.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere page' })).toBeTruthy();
    clean.unmount();
    const dirty = render(true);
    await dirty.user.click(screen.getByRole('link', { name: 'This page' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks the browser before the page is closed or reloaded, only with changes', () => {
    const dirty = render(true);
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    dirty.unmount();
    render(false);
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
  });
});

it('under a data router, the back button is held too', async () => {
  const router = createMemoryRouter(
    [
      { path: '/editor', element: <Editor dirty /> },
      { path: '/elsewhere', element: elsewhere },
    ],
    { initialEntries: ['/elsewhere', '/editor'], initialIndex: 1 },
  );
  renderWithMantine(<RouterProvider router={router} />);
  await router.navigate(-1);
  expect(await screen.findByRole('dialog', { name: 'Leave without saving?' })).toBeTruthy();
  expect(router.state.location.pathname).toBe('/editor');
});

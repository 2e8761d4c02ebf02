import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { setNonce } from 'get-nonce';
import { App } from './App';
import { SessionProvider } from './session/session';

/** The CSP nonce the server wrote into this page: Mantine's <style> elements must carry it. */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
// …and so must the <style> a modal adds to lock the page's scroll (react-remove-scroll reads it here).
setNonce(nonce);

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

// A data router, for useBlocker (the entry editor's unsaved-changes warning). One catch-all
// route: the app keeps declaring its pages with <Routes>, as under <BrowserRouter> before.
const router = createBrowserRouter(
  [
    {
      path: '*',
      element: (
        <SessionProvider>
          <App />
        </SessionProvider>
      ),
    },
  ],
  { basename: '/admin' },
);

// Links and filled buttons in the primary colour's 8th shade: the default 6th (blue.6) measures
// 3.6:1 against white, short of WCAG AA's 4.5:1 for text; blue.8 measures 5.0:1.
const theme = createTheme({ primaryShade: { light: 8, dark: 8 } });

// Mantine's dimmed text (input descriptions, hints) and its error text fall short of WCAG AA
// contrast (4.5:1) by default: 3.3:1 and 3.3:1 on white, 4.0:1 and 3.4:1 on the dark body.
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      getStyleNonce={() => nonce}
      cssVariablesResolver={contrast}
    >
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress';

// `npm run dev:admin`: the API this dev server forwards to (start it with `npm start`).
const api = process.env.TESSERA_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/admin/',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/admin',
    emptyOutDir: true,
    // The polyfill would be an inline script, which the CSP refuses; every supported browser has modulepreload.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // React and Mantine change less often than the app: their own long-cached chunks.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            // Mantine in two: what the first page needs, and the rest (the project pages' inputs),
            // loaded with the project pages. @mantine/dates is in neither: only the entry editor
            // and the API client form use it, and load it (and dayjs) as a chunk of its own.
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, tags: ['$initial'] },
            { name: 'mantine-more', test: /node_modules[\\/]@mantine[\\/](?!dates[\\/])/ },
            { name: 'dates', test: /node_modules[\\/](@mantine[\\/]dates|dayjs)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      // Everything but the app itself is the API; its session routes are too.
      '^/admin/session': { target: api, changeOrigin: false },
      '^/(?!admin/)': { target: api, changeOrigin: false },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    // Plain logic runs in Node; a component test asks for jsdom with `// @vitest-environment jsdom`.
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
    // Component tests type into jsdom forms: seconds each on a loaded 2-core machine.
    testTimeout: 20_000,
  },
});

import { configDefaults, defineConfig } from 'vitest/config';

// `npm test`: unit, fixture and real-build tests. The browser tests need Chromium: `npm run test:browser`.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'tests/browser/**'],
  },
});

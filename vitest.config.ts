import { configDefaults, defineConfig } from 'vitest/config';

// `npm test`: unit, fixture and real-build tests. The browser tests need Chromium: `npm run test:browser`.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'tests/browser/**'],
  },
});

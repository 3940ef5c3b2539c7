// E2E global setup: checks Chromium and the built app, serves dist/ on 127.0.0.1 and provides its URL to the tests.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { resolveChromium } from './chromium';
import { serveDist } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the built app served from dist/, with a trailing slash (e.g. `http://127.0.0.1:41234/`). */
    baseUrl: string;
    /** Chromium executable the tests launch. */
    chromiumPath: string;
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = resolve(ROOT, 'dist');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = resolveChromium();
  if (!existsSync(resolve(DIST, 'index.html'))) {
    throw new Error(
      `Application non construite : ${resolve(DIST, 'index.html')} est absent. ` +
        'Lancez `vite build` (ou `npm run test:e2e`, qui construit avant de tester).',
    );
  }
  const server = await serveDist(DIST);
  project.provide('baseUrl', server.url);
  project.provide('chromiumPath', chromiumPath);

  return () => server.close();
}

// E2E global setup: checks Chromium and the built app, serves dist/ on 127.0.0.1 and provides its URL to the tests.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
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

/** The Chromium executable: $CHROMIUM_PATH, else /usr/bin/chromium. Throws when it does not exist. */
export function resolveChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  const path = fromEnv && fromEnv.trim() !== '' ? fromEnv : '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium introuvable (${path}${fromEnv ? ', depuis CHROMIUM_PATH' : ''}). ` +
        'Les tests e2e ont besoin de Chromium : installez-le (Debian/Ubuntu : `apt-get install -y chromium`) ' +
        'ou indiquez son exécutable dans la variable CHROMIUM_PATH.',
    );
  }
  return path;
}

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

// The system Chromium the browser tests and benchmarks drive: where it is, and the flags it starts with.
// No vitest import here, so the benchmarks (plain Node) can use it too.
import { existsSync } from 'node:fs';

/** Headless, no sandbox (root in CI), and none of the background requests a closed network refuses. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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

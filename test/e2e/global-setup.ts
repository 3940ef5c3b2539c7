// E2E global setup: checks Chromium and the built app, serves dist/ on 127.0.0.1 and provides its URL to the tests.
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.csv': 'text/csv; charset=utf-8',
};

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

function send(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed');
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return send(res, 400, 'Bad Request');
  }
  if (pathname.includes('\0')) return send(res, 400, 'Bad Request');
  let file = resolve(DIST, '.' + pathname);
  if (file !== DIST && !file.startsWith(DIST + sep)) return send(res, 403, 'Forbidden');
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = resolve(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) return send(res, 404, 'Not Found');
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  } catch {
    send(res, 404, 'Not Found');
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = resolveChromium();
  if (!existsSync(resolve(DIST, 'index.html'))) {
    throw new Error(
      `Application non construite : ${resolve(DIST, 'index.html')} est absent. ` +
        'Lancez `vite build` (ou `npm run test:e2e`, qui construit avant de tester).',
    );
  }
  const srv = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = srv.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  project.provide('chromiumPath', chromiumPath);

  return async () => {
    srv.closeAllConnections();
    await new Promise<void>((ok) => srv.close(() => ok()));
  };
}

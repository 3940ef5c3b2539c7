// E2E helpers: open the built app in headless Chromium (recording page errors and foreign requests) and run axe.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium';

export interface OpenAppOptions {
  /**
   * Profile directory for a persistent context (IndexedDB, localStorage survive `page.reload()` and are
   * shared by the tabs of `newPage()`; reopening the same directory after `close()` sees the same data).
   * Without it the context is fresh and empty.
   */
  userDataDir?: string;
  /** Where to go, relative to the app's base URL (e.g. `'?demo=1'`, `'#/regions'`). Default: the app root. */
  path?: string;
  /** Set to false to get a blank page (listeners installed) and navigate yourself. Default true. */
  navigate?: boolean;
  viewport?: { width: number; height: number };
}

export interface AppSession {
  /** The browser when the context is not persistent; null with `userDataDir`. */
  browser: Browser | null;
  context: BrowserContext;
  /** The first tab, already on the app unless `navigate: false`. */
  page: Page;
  /** Base URL of the served dist/, with a trailing slash. */
  baseUrl: string;
  /** `pageerror: …` and `console.error: …` messages of every tab of the context. */
  pageErrors: string[];
  /** URLs of requests to another origin than the app's (they are aborted). */
  foreignRequests: string[];
  /** Opens another tab in the same context (same storage) and navigates it to `path` (default the root). */
  newPage(path?: string): Promise<Page>;
  close(): Promise<void>;
}

function isForeign(url: string, appOrigin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return false;
  try {
    return new URL(url).origin !== appOrigin;
  } catch {
    return true;
  }
}

/** Launches headless Chromium on the built app (served by global-setup.ts). Always `close()` it (afterAll/finally). */
export async function openApp(options: OpenAppOptions = {}): Promise<AppSession> {
  const baseUrl = inject('baseUrl');
  const executablePath = inject('chromiumPath');
  const appOrigin = new URL(baseUrl).origin;
  const contextOptions = {
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: options.viewport ?? { width: 1366, height: 900 },
  };

  let browser: Browser | null = null;
  let context: BrowserContext;
  if (options.userDataDir) {
    context = await chromium.launchPersistentContext(options.userDataDir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      ...contextOptions,
    });
  } else {
    browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
    context = await browser.newContext(contextOptions);
  }

  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  try {
    await context.route(
      (url) => isForeign(url.href, appOrigin),
      async (route) => {
        foreignRequests.push(route.request().url());
        await route.abort('blockedbyclient');
      },
    );
    const watch = (page: Page): void => {
      page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
      });
    };
    context.pages().forEach(watch);
    context.on('page', watch);

    const urlOf = (path = ''): string => new URL(path, baseUrl).href;
    const page = context.pages()[0] ?? (await context.newPage());
    if (options.navigate !== false) await page.goto(urlOf(options.path), { waitUntil: 'load' });

    return {
      browser,
      context,
      page,
      baseUrl,
      pageErrors,
      foreignRequests,
      async newPage(path?: string): Promise<Page> {
        const tab = await context.newPage();
        await tab.goto(urlOf(path), { waitUntil: 'load' });
        return tab;
      },
      async close(): Promise<void> {
        await context.close();
        if (browser) await browser.close();
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    if (browser) await browser.close().catch(() => undefined);
    throw error;
  }
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending nodes. */
  targets: string[];
}

let axeSource: string | undefined;

/** Runs axe-core on the page (or inside `selector`) and returns the serious and critical violations. */
export async function runAxe(page: Page, selector?: string): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through DevTools rather than `page.addScriptTag`: an app Content-Security-Policy without
  // 'unsafe-inline' would block an inline tag and log a console error into `pageErrors`.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (context) => {
    type Result = {
      id: string;
      impact?: string | null;
      help: string;
      helpUrl: string;
      nodes: { target: unknown[] }[];
    };
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: Result[] }> };
      }
    ).axe;
    const results = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, selector ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Replaces narrow and regular no-break spaces (French number formatting) by plain spaces. */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

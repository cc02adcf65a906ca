/**
 * The app under the server's real security headers (server/security-headers.ts; the e2e server
 * is the real one): a person opens the library, creates the airline map, edits a node,
 * switches to the Grid and back, and exports a PNG, an SVG and a PDF deck; the service worker
 * registers. Every `securitypolicyviolation` event and every console message about the
 * Content Security Policy is collected, and there must be none.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

/** Collects CSP violations from the page's events (every document the page loads) and console. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation;
      void report(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text()))
      violations.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => {
    if (/Content Security Policy|unsafe-eval|EvalError/i.test(err.message))
      violations.push(`page error: ${err.message}`);
  });
  return violations;
}

async function exportItem(page: Page, item: string): Promise<Download> {
  const dialog = page.getByRole('dialog', { name: 'Export the map' });
  if (!(await dialog.isVisible()))
    await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog).toBeVisible();
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    dialog.getByRole('menuitem', { name: item, exact: true }).click(),
  ]);
  return file;
}

async function toView(page: Page, view: 'Grid' | 'Canvas') {
  await page.getByRole('button', { name: view, exact: true }).click();
  await expect(page.getByRole('button', { name: view, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
}

test('the app, its service worker and its exports work under the CSP, with no violation', async ({
  page,
}) => {
  test.slow(); // a PDF deck
  const violations = await watchCsp(page);

  // The headers the browser got are the strict ones (a missing CSP would make this test moot).
  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
  await expect(page.getByRole('button', { name: 'New map' })).toBeVisible();

  // The service worker registers and activates under the CSP (worker-src, its importScripts).
  await expect
    .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.ready).active), {
      timeout: 30_000,
    })
    .toBe(true);

  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'CSP trip');
  await expect(editor.node('Booking')).toBeVisible();
  // Sharing puts the map on the server: sync over the websocket (connect-src) and the link's
  // QR code (img-src) work.
  await editor.button('Share').click();
  const share = page.getByRole('dialog', { name: 'Share this map' });
  await expect(share.getByRole('textbox', { name: 'Edit link' })).toHaveValue(/token=e\./);
  await share.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Online, all synced' })).toBeVisible({
    timeout: 15_000,
  });

  // Edit a node (its label and colour).
  await editor.select('Booking');
  await editor.label.fill('Booking online');
  await expect(editor.node('Booking online')).toBeVisible();

  await toView(page, 'Grid');
  await expect(page.getByRole('grid', { name: 'Journey grid' })).toBeVisible();
  await toView(page, 'Canvas');
  await expect(editor.node('Booking online')).toBeVisible();

  const png = await exportItem(page, 'PNG');
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const svg = await exportItem(page, 'SVG');
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  // The fonts came from our origin (connect-src) and are embedded in the SVG.
  const svgText = readFileSync((await svg.path())!, 'utf8');
  expect(svgText).toMatch(/@font-face[^}]*url\(\W*data:/);
  const pdf = await exportItem(page, 'PDF deck');
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  await expect(page.getByRole('status').filter({ hasText: pdf.suggestedFilename() })).toBeVisible();

  // The JSON export and its import as a new map (the import validates with zod, whose JIT
  // probe would be an eval under the CSP).
  const json = readFileSync((await exportItem(page, 'JSON').then((d) => d.path()))!, 'utf8');
  await page.goto('/');
  await page.getByLabel('Import a strategy map (.json)').setInputFiles({
    name: 'csp-trip.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });
  await expect(page).toHaveURL(/#\/map\//);
  await expect(editor.node('Booking online')).toBeVisible();

  expect(violations).toEqual([]);
});

test('an outside URL in a style is blocked and reported (the watcher sees violations)', async ({
  page,
}) => {
  const violations = await watchCsp(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New map' })).toBeVisible();
  // What a node colour of url(http://…) did before the restore boundary refused it (issue 19):
  // even if such a value reached a style, the browser would not fetch it.
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.style.width = el.style.height = '10px';
    el.style.backgroundImage = 'url(http://127.0.0.1:9/tracker.png)';
    document.body.append(el);
  });
  await expect
    .poll(() => violations.join('\n'))
    .toContain('img-src blocked http://127.0.0.1:9/tracker.png');
});

test('the app refuses to be framed by another page (frame-ancestors)', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/frame-ancestors/.test(msg.text())) violations.push(msg.text());
  });
  // A page of another origin (about:blank's opaque one) frames the app.
  await page.setContent(
    `<iframe title="embedded" src="${test.info().project.use.baseURL}/"></iframe>`,
  );
  await expect.poll(() => violations.length, { timeout: 15_000 }).toBeGreaterThan(0);
  const frame = page.frame({ url: /127\.0\.0\.1/ });
  // The framed document never runs the app (Chromium shows its own error page instead).
  expect(
    await (frame?.evaluate(() => !!document.querySelector('#root')).catch(() => false) ?? false),
  ).toBe(false);
});

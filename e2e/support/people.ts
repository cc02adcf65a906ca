/**
 * People in a test: each in a browser context of their own (their own IndexedDB, their own
 * presence), with the map's sync status as they see it.
 */
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { EditorPage } from '../pages/EditorPage';

/** The screen most specs look at: a laptop's 1440×900. */
export const LAPTOP = { width: 1440, height: 900 } as const;

export interface Person {
  readonly page: Page;
  readonly editor: EditorPage;
  close(): Promise<void>;
}

/** A person with a fresh context (`options` as Playwright's newContext takes them). */
export async function person(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Person> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { page, editor: new EditorPage(page), close: () => context.close() };
}

/** The header's connection status (en and it), e.g. "Online, all synced". */
export const syncStatus = (page: Page) =>
  page.getByRole('status').filter({ hasText: /Online|Offline|Connecting|In linea|Non in linea/ });

/** The id and edit token of a shared map, read from the share dialog's edit link. */
export async function shareEditLink(page: Page): Promise<{ mapId: string; token: string }> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this map' });
  const link = dialog.getByRole('textbox', { name: 'Edit link' });
  await expect(link).toHaveValue(/token=e\./);
  const url = new URL(await link.inputValue());
  const [path, query] = url.hash.slice(1).split('?');
  const mapId = /^\/map\/(.+)$/.exec(path ?? '')?.[1];
  const token = new URLSearchParams(query).get('token');
  if (!mapId || !token) throw new Error(`not an edit link: ${url.href}`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return { mapId: decodeURIComponent(mapId), token };
}

/**
 * Registers a map of this device on the server without giving this device its tokens (as if
 * someone else had): a link opened then has no working token to go back to when refused.
 */
export async function registerWithoutTokens(page: Page, mapId: string): Promise<void> {
  const status = await page.evaluate(
    (id) => fetch(`/api/maps/${encodeURIComponent(id)}`, { method: 'PUT' }).then((r) => r.status),
    mapId,
  );
  expect(status).toBe(201);
}

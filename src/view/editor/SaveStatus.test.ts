// SaveStatus rendered by React (react-dom/server) with the real en/it message files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type i18n as I18n, type Resource } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { MapSessionApi, SyncState } from '../../model/session-api';
import { SessionContext } from '../canvas/SessionContext';
import { SaveStatus } from './SaveStatus';

const LOCALES = join(import.meta.dirname, '../../app/i18n/locales');

async function i18nFor(lng: 'en' | 'it'): Promise<I18n> {
  const resources: Resource = {};
  for (const lang of ['en', 'it']) {
    resources[lang] = Object.fromEntries(
      readdirSync(join(LOCALES, lang)).map((f) => [
        f.replace(/\.json$/, ''),
        JSON.parse(readFileSync(join(LOCALES, lang, f), 'utf8')),
      ]),
    );
  }
  const i18n = createInstance();
  await i18n
    .use(initReactI18next)
    .init({ lng, resources, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return i18n;
}

/** The status's text for one sync state (only `sync` of the session is read). */
/** The status's markup for one sync state. */
async function renderHtml(state: SyncState, lng: 'en' | 'it' = 'en'): Promise<string> {
  const session = {
    sync: { subscribe: () => () => {}, getSnapshot: () => state },
  } as unknown as MapSessionApi;
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: await i18nFor(lng) },
      createElement(SessionContext.Provider, { value: session }, createElement(SaveStatus)),
    ),
  );
}

/** The status's text for one sync state. */
async function render(state: SyncState, lng: 'en' | 'it' = 'en'): Promise<string> {
  return (await renderHtml(state, lng)).replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'");
}

describe('SaveStatus', () => {
  it('explains a full browser storage in words, in English and Italian, never the raw error', async () => {
    const full: SyncState = { save: 'error', saveError: 'quota', connection: 'local' };
    expect(await render(full)).toBe(
      "Not saved: this browser's storage is full. Your latest changes are kept in this tab only: delete maps you no longer need to free space, and they will be saved.",
    );
    expect(await render(full, 'it')).toMatch(
      /^Non salvata: lo spazio di archiviazione del browser è pieno\./,
    );
  });

  it('gives any other failure the generic message, whatever the code says', async () => {
    const failed = await render({ save: 'error', saveError: 'failed', connection: 'online' });
    expect(failed).toBe(
      'Not saved: saving to this browser failed. Your latest changes are kept in this tab, and saving is retried.',
    );
    expect(
      await render({
        save: 'error',
        saveError: 'QuotaExceededError: DOM exception 22',
        connection: 'local',
      }),
    ).toBe(failed);
  });

  it('says the map is full and which limit first (the part a narrow header shows), in English and Italian', async () => {
    const full = (refusal: SyncState['refusal']): SyncState => ({
      save: 'saved',
      connection: 'refused',
      refusal,
    });
    expect(await render(full('full-nodes'))).toBe(
      'Map full: 5,000 nodes · the server takes no more changes from this device; they are kept here',
    );
    expect(await render(full('full-touchpoints'), 'it')).toBe(
      'Mappa piena: 20.000 punti di contatto · il server non accetta altre modifiche da questo dispositivo, che restano qui',
    );
    expect(await render(full('full-size'))).toBe(
      'Map full: largest size · the server takes no more changes from this device; they are kept here',
    );
  });

  it('says how many changes wait while offline, when the count is known', async () => {
    expect(await render({ save: 'saved', connection: 'offline', unconfirmed: 3 })).toBe(
      'Offline · 3 changes not yet sent',
    );
    expect(await render({ save: 'saved', connection: 'offline', unconfirmed: 1 })).toBe(
      'Offline · 1 change not yet sent',
    );
    expect(await render({ save: 'saved', connection: 'offline', unconfirmed: 3 }, 'it')).toBe(
      'Offline · 3 modifiche non ancora inviate',
    );
    expect(await render({ save: 'saved', connection: 'offline', unconfirmed: 0 })).toBe(
      'Offline: edits are kept on this device',
    );
    expect(await render({ save: 'saved', connection: 'offline' })).toBe(
      'Offline: edits are kept on this device',
    );
  });

  it('says a refused link no longer opens the map and that changes stay here, in English and Italian', async () => {
    const refused: SyncState = { save: 'saved', connection: 'refused', unconfirmed: 2 };
    expect(await render(refused)).toBe(
      'This link no longer opens the shared map · changes are kept on this device',
    );
    expect(await render(refused, 'it')).toBe(
      'Questo link non apre più la mappa condivisa · le modifiche restano su questo dispositivo',
    );
    expect(await render({ save: 'saving', connection: 'refused' })).toBe(
      'This link no longer opens the shared map · changes are kept on this device',
    );
    // A failed save still comes first: it is the more urgent news.
    expect(await render({ save: 'error', saveError: 'quota', connection: 'refused' })).toMatch(
      /^Not saved: /,
    );
  });

  it('announces the refusal as a status of its own', async () => {
    const html = await renderHtml({ save: 'saved', connection: 'refused' });
    expect(html).toMatch(
      /^<div class="save-status status-refused" role="status" aria-live="polite"/,
    );
  });

  it('carries its whole text as its title, for when the header cuts it', async () => {
    const html = await renderHtml({ save: 'error', saveError: 'quota', connection: 'refused' });
    const title = /title="([^"]*)"/.exec(html)?.[1]?.replace(/&#x27;/g, "'");
    expect(title).toBe(
      "Not saved: this browser's storage is full. Your latest changes are kept in this tab only: delete maps you no longer need to free space, and they will be saved.",
    );
  });

  it('says when only the comments could not be saved, with the reason, in English and Italian', async () => {
    const full: SyncState = { save: 'saved', commentsSaveError: 'quota', connection: 'online' };
    expect(await render(full)).toBe(
      "Comments not saved: this browser's storage is full. Your latest changes are kept in this tab only: delete maps you no longer need to free space, and they will be saved.",
    );
    expect(await render(full, 'it')).toMatch(
      /^Commenti non salvati: lo spazio di archiviazione del browser è pieno\./,
    );
    expect(
      await render({ save: 'saved', commentsSaveError: 'DOMException 22', connection: 'local' }),
    ).toMatch(/^Comments not saved: saving to this browser failed\./);
    // The map's own failure is the one named when both fail.
    expect(
      await render({
        save: 'error',
        saveError: 'failed',
        commentsSaveError: 'quota',
        connection: 'local',
      }),
    ).toMatch(/^Not saved: saving to this browser failed\./);
  });

  it('shows a comments failure as an error status, over offline or a refused link', async () => {
    const html = await renderHtml({
      save: 'saved',
      commentsSaveError: 'failed',
      connection: 'offline',
    });
    expect(html).toMatch(/^<div class="save-status status-error"/);
  });

  it('says when the server takes no more comments (their doc is full), in English and Italian', async () => {
    const full: SyncState = {
      save: 'saved',
      connection: 'online',
      unconfirmed: 0,
      commentsRefusal: 'full-size',
    };
    expect(await render(full)).toBe('Comments not saved: the comments of this map are full');
    expect(await render(full, 'it')).toBe(
      'Commenti non salvati: lo spazio per i commenti di questa mappa è esaurito',
    );
    expect(await renderHtml(full)).toMatch(/^<div class="save-status status-error"/);
    // A failing disk says more (what to do); the map's own refusal is named first.
    expect(await render({ ...full, commentsSaveError: 'quota' })).toMatch(
      /^Comments not saved: this browser's storage is full\./,
    );
    expect(await render({ ...full, connection: 'refused', refusal: 'revoked' })).toBe(
      'This link was revoked · changes are kept on this device',
    );
  });

  it('keeps the other states', async () => {
    expect(await render({ save: 'saved', connection: 'local' })).toBe('Saved on this device');
    expect(await render({ save: 'saved', connection: 'online', unconfirmed: 0 })).toBe(
      'Online, all synced',
    );
    expect(await render({ save: 'saving', connection: 'connecting' })).toBe('Connecting…');
  });
});

/**
 * The library's New map: a map seeded from a template with its texts in the UI language.
 * (`sync/library.ts` createMap seeds in English; it can take the locale itself later, and this
 * then becomes a call to it.)
 */
import * as Y from 'yjs';
import { readSnapshot } from '../model/read';
import { seedTemplate, TEMPLATE_LOCALES, type TemplateLocale } from '../model/templates';
import type { ItineraDb } from '../sync/local-db';
import { drawThumbnail } from '../sync/thumbnail';
import { LANGUAGES } from './i18n';
import { createMapFromUpdate } from './storeMap';

// Every UI language has its template texts: adding a language without them fails to compile.
const _everyLanguageHasTemplates: readonly TemplateLocale[] = LANGUAGES;

/** The template language for a UI language (English for one without template texts). */
export const templateLocale = (language: string | undefined): TemplateLocale =>
  TEMPLATE_LOCALES.find((l) => l === language) ?? 'en';

export interface NewTemplateMap {
  readonly id: string;
  readonly template: string;
  readonly title: string;
  readonly locale: TemplateLocale;
}

export async function createTemplateMap(db: ItineraDb, input: NewTemplateMap): Promise<void> {
  if (!input.title.trim()) throw new Error('createTemplateMap.title: must not be empty');
  const doc = new Y.Doc();
  try {
    seedTemplate(doc, input.template, input.title, new Date(), input.locale);
    const snapshot = readSnapshot(doc);
    await createMapFromUpdate(
      db,
      input.id,
      snapshot.meta.title,
      snapshot.meta.template ?? input.template,
      Y.encodeStateAsUpdateV2(doc),
      drawThumbnail(snapshot),
    );
  } finally {
    doc.destroy();
  }
}

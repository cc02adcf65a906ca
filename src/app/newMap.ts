/**
 * The library's New map: a map seeded from a template with its texts in the UI language, stored
 * by `sync/library.ts` createMap (which checks the id, template and title).
 */
import { TEMPLATE_LOCALES, type TemplateLocale } from '../model/templates';
import type { ItineraDb } from '../sync/local-db';
import { createMap } from '../sync/library';
import { LANGUAGES } from './i18n';

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

export function createTemplateMap(db: ItineraDb, input: NewTemplateMap): Promise<void> {
  return createMap(db, input);
}

/**
 * The map's own settings in its meta record: its language and the one-page map's logo. Both go
 * through the meta record's limits (records/meta.ts): a language outside MAP_LANGUAGES or a
 * logo that is not a small PNG, JPEG or WebP data URL is refused here and dropped on restore.
 */
import type * as Y from 'yjs';
import { metaMap } from './doc';
import { write } from './commands';
import { LOGO_PATTERN, META_LIMITS } from './records/meta';
import { MAP_LANGUAGES, type MapLanguage } from './types';

export class InvalidLogoError extends Error {
  constructor() {
    super('setMapLogo.logo: expected a PNG, JPEG or WebP data URL within META_LIMITS.logo');
    this.name = 'InvalidLogoError';
  }
}

/** Whether `value` can be stored as the map's logo. */
export const isValidLogo = (value: string): boolean =>
  value.length <= META_LIMITS.logo.chars && LOGO_PATTERN.test(value);

export function setMapLanguage(doc: Y.Doc, language: MapLanguage): void {
  if (!MAP_LANGUAGES.includes(language)) throw new Error(`setMapLanguage: unknown ${language}`);
  write(doc, () => {
    if (metaMap(doc).get('language') !== language) metaMap(doc).set('language', language);
  });
}

/** Sets the logo (a data URL), or removes it with null. */
export function setMapLogo(doc: Y.Doc, logo: string | null): void {
  if (logo !== null && !isValidLogo(logo)) throw new InvalidLogoError();
  write(doc, () => {
    if (logo === null) metaMap(doc).delete('logo');
    else metaMap(doc).set('logo', logo);
  });
}

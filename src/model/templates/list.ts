/** Every template, in the order the library offers them, in English and in each UI language. */
import { AIRLINE } from './airline';
import { AIRLINE_IT } from './airline.it';
import { BLANK } from './blank';
import type { MapTemplate, TemplateKey } from './build';
import { ECOMMERCE } from './ecommerce';
import { ECOMMERCE_IT } from './ecommerce.it';
import { localize, type TemplateLocale, type TemplateTexts } from './localize';

/** The templates as written (English): their keys, ids and structure. */
export const TEMPLATES: readonly MapTemplate[] = [BLANK, AIRLINE, ECOMMERCE];

/** The texts of each template in each language but English (blank has none to translate). */
const TEXTS: Readonly<
  Record<Exclude<TemplateLocale, 'en'>, Partial<Record<TemplateKey, TemplateTexts>>>
> = { it: { airline: AIRLINE_IT, ecommerce: ECOMMERCE_IT } };

const EMPTY: TemplateTexts = { nodes: {}, touchpoints: {}, owners: {} };
const built = new Map<string, MapTemplate>();

/** `template` in `locale`, built on first use and then kept (templates never change). */
export function inLocale(template: MapTemplate, locale: TemplateLocale): MapTemplate {
  if (locale === 'en') return template;
  const id = `${locale}:${template.key}`;
  let found = built.get(id);
  if (!found) {
    found = localize(template, TEXTS[locale][template.key] ?? EMPTY, locale);
    built.set(id, found);
  }
  return found;
}

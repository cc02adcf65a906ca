/** Map templates: blank, airline (the seed articles' example) and e-commerce, and seeding. */
export { TEMPLATE_KEYS, type MapTemplate, type TemplateKey, type TemplateStrategy } from './build';
export { TEMPLATES } from './list';
export { MAP_ORIGINS, type MapOrigin } from './origins';
export { getTemplate, MAX_TITLE_CHARS, seedTemplate } from './seed';
export { TEMPLATE_LOCALES, type TemplateLocale, type TemplateTexts } from './localize';

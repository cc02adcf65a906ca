/** Every template, in the order the library offers them. */
import { AIRLINE } from './airline';
import { BLANK } from './blank';
import type { MapTemplate } from './build';
import { ECOMMERCE } from './ecommerce';

export const TEMPLATES: readonly MapTemplate[] = [BLANK, AIRLINE, ECOMMERCE];

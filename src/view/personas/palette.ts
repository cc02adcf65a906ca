/** The names of the persona palette's colours (records/persona.ts PERSONA_COLORS), for i18n keys. */
import { PERSONA_COLORS } from '../../model/records/persona';

export const PERSONA_COLOR_NAMES = [
  'blue',
  'red',
  'green',
  'purple',
  'amber',
  'cyan',
  'pink',
  'olive',
] as const satisfies { length: (typeof PERSONA_COLORS)['length'] };

export const colorName = (color: string): (typeof PERSONA_COLOR_NAMES)[number] =>
  PERSONA_COLOR_NAMES[Math.max(0, (PERSONA_COLORS as readonly string[]).indexOf(color))]!;

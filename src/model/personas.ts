/**
 * Reading personas off a snapshot: how a persona feels a touchpoint, and whether a touchpoint
 * concerns them. Pure, no Yjs (views, the curve and exports use it).
 */
import type { Emotion, Persona, Touchpoint } from './types';

/** How `personaId` feels at `tp`: their own emotion, else the touchpoint's (absent: not assessed). */
export function personaEmotion(tp: Touchpoint, personaId: string): Emotion | undefined {
  const own = tp.emotionByPersona;
  return own !== undefined && Object.hasOwn(own, personaId) ? own[personaId] : tp.emotion;
}

/** Whether the persona has an emotion of their own at `tp` (not the touchpoint's). */
export const hasOwnEmotion = (tp: Touchpoint, personaId: string): boolean =>
  tp.emotionByPersona !== undefined && Object.hasOwn(tp.emotionByPersona, personaId);

/** Whether `tp` concerns the persona: no scope (everyone), or the persona is in it. */
export const concernsPersona = (tp: Touchpoint, personaId: string): boolean =>
  tp.personas === undefined || tp.personas.length === 0 || tp.personas.includes(personaId);

/** Up to two initials of a name for the avatar ("Giulia Rossi" → "GR"); '?' for no name. */
export function personaInitials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const first = (w: string) => [...w][0]!.toLocaleUpperCase();
  return words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words.at(-1)!);
}

export const personaById = (personas: readonly Persona[], id: string): Persona | undefined =>
  personas.find((p) => p.id === id);

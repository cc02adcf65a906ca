/**
 * The persona cards an exported picture carries (ImageOptions.includePersonas): the map's
 * personas with their initials, and the cards' words in the map's language. The export layer
 * (export/personaCards.ts) bounds every text and accepts any value.
 */
import type { TFunction } from 'i18next';
import type { PersonaCards } from '../../export/personaCards';
import { personaInitials } from '../../model/personas';
import type { MapSnapshot } from '../../model/types';

export function personaCardsOf(snapshot: MapSnapshot, t: TFunction<'export'>): PersonaCards | null {
  if (snapshot.personas.length === 0) return null;
  return {
    personas: snapshot.personas.map((p) => ({
      ...p,
      initials: personaInitials(typeof p.name === 'string' ? p.name : ''),
    })),
    labels: {
      goals: t('personaCards.goals'),
      needs: t('personaCards.needs'),
      frustrations: t('personaCards.frustrations'),
      unnamed: t('personaCards.unnamed'),
      more: (count) => t('personaCards.more', { count }),
    },
  };
}

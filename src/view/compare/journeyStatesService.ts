/**
 * What the editor's journey-state control needs from the app (app/journeyStates.ts): make the
 * future state of the open map, and look linked maps up in this device's library.
 */
import { createContext, useContext } from 'react';

export interface JourneyStatesService {
  /**
   * Copies the open map as its future state (a new map of the library, linked both ways) and
   * resolves with the copy's id. One undo step in the open map (its link).
   */
  createFutureState(futureTitle: string): Promise<string>;
  /** The library's entry for a map: its title, or null when it is not on this device. */
  lookup(mapId: string): Promise<{ readonly title: string } | null>;
  mapHref(mapId: string): string;
  /** The compare page, the current state (older) first. */
  compareHref(currentId: string, futureId: string): string;
  /** The compare page of a version of a map (older) with the map as it is now. */
  compareVersionHref(mapId: string, versionId: string): string;
}

export const JourneyStatesContext = createContext<JourneyStatesService | null>(null);

/** The service, or null where the app gives none (tests, the one-page map). */
export const useJourneyStates = (): JourneyStatesService | null => useContext(JourneyStatesContext);

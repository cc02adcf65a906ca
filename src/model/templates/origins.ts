/**
 * Where a library entry's map came from when no template made it: the `template` field of a
 * library entry names a template key (build.ts) or one of these, so its card says "Imported
 * file" or "Opened from a link" instead of calling the map "Blank".
 */
export const MAP_ORIGINS = {
  /** Imported from a strategy-map JSON file (src/app/importMap.ts). */
  imported: 'imported',
  /** Added to the library by opening a share link (src/app/sharing.ts). */
  link: 'link',
} as const;

export type MapOrigin = (typeof MAP_ORIGINS)[keyof typeof MAP_ORIGINS];

/**
 * The app's font files (Inter from npm, the same ones src/view/fonts.css declares) as URLs
 * Vite serves and precaches, and a loader that hands their bytes to the PDF and PowerPoint
 * exporters so a deck embeds exactly the font the app shows.
 */
import interBold from '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf?url';
import interRegular from '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf?url';
import interSemiBold from '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf?url';

export const FONT_FAMILY = 'Inter';

/** TTF URLs by weight. */
export const INTER_TTF = {
  regular: interRegular,
  semiBold: interSemiBold,
  bold: interBold,
} as const;

export interface DeckFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

let loading: Promise<DeckFonts> | null = null;

async function fetchBytes(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(url, signal ? { signal } : {});
  if (!res.ok) throw new Error(`The font ${url} could not be loaded (HTTP ${res.status}).`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Inter regular and bold as bytes, fetched once (from the service worker's cache offline). */
export function loadDeckFonts(signal?: AbortSignal): Promise<DeckFonts> {
  loading ??= Promise.all([
    fetchBytes(INTER_TTF.regular, signal),
    fetchBytes(INTER_TTF.bold, signal),
  ])
    .then(([regular, bold]) => ({ regular, bold }))
    .catch((err: unknown) => {
      loading = null; // a failed or cancelled load is tried again next time
      throw err;
    });
  return loading;
}

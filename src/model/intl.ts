/** Intl number formatters for every layer: cached, and never throwing on an odd locale. */

/** Intl formatters are slow to make and used for every card: one per locale and options. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The formatter of `locale` (or 'en' when Intl refuses it) with `opts`, made once. */
export function numberFormat(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(safeLocale(locale), opts);
    if (numberFormats.size > 64) numberFormats.clear();
    numberFormats.set(key, f);
  }
  return f;
}

/** A locale Intl accepts (the UI's, else 'en'). */
export function safeLocale(locale: unknown): string {
  try {
    return (
      Intl.getCanonicalLocales(typeof locale === 'string' && locale ? locale : 'en')[0] ?? 'en'
    );
  } catch {
    return 'en';
  }
}

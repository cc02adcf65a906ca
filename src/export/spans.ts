/**
 * Named spans on the Performance timeline (`deck:…`, `pdf:…`, `pptx:…`), so DevTools and the
 * bench can say where an export's time goes. Cheap (two timeline entries per span, cleared by
 * the next export) and never throwing: a runtime without `performance.measure` skips them.
 */

/** Starts a span; the returned function ends it. */
export function span(name: string): () => void {
  const start = typeof performance !== 'undefined' ? performance.now() : 0;
  return () => {
    try {
      performance.measure(name, { start, end: performance.now() });
    } catch {
      /* no User Timing here */
    }
  };
}

/** Runs `fn` inside a span. */
export async function timed<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const end = span(name);
  try {
    return await fn();
  } finally {
    end();
  }
}

/** Forgets earlier spans of these prefixes (one export's breakdown at a time). */
export function clearSpans(...prefixes: string[]): void {
  try {
    for (const e of performance.getEntriesByType('measure'))
      if (prefixes.some((p) => e.name.startsWith(p))) performance.clearMeasures(e.name);
  } catch {
    /* no User Timing here */
  }
}

/**
 * `#/compare/<before>/<after>`: resolves both sides (compareSource.ts), compares them
 * (model/compare) and renders the compare page, or says plainly which side cannot be read.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareMaps } from '../model/compare';
import { ComparePage } from '../view/compare/ComparePage';
import { PanelBoundary } from '../view/errors/PanelBoundary';
import { resolveCompareSource, type CompareSource } from './compareSource';
import { compareRefText, mapHref, type CompareRef } from './routes';

type State = { phase: 'loading' } | { phase: 'done'; before: CompareSource; after: CompareSource };

export function CompareRoute({ before, after }: { before: CompareRef; after: CompareRef }) {
  const { t } = useTranslation('compare');
  const [state, setState] = useState<State>({ phase: 'loading' });
  const key = `${compareRefText(before)}/${compareRefText(after)}`;
  useEffect(() => {
    let live = true;
    setState({ phase: 'loading' });
    void Promise.all([resolveCompareSource(before), resolveCompareSource(after)]).then(
      ([a, b]) => live && setState({ phase: 'done', before: a, after: b }),
    );
    return () => {
      live = false;
    };
    // The refs are compared by their text: a new object for the same hash is the same page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const comparison = useMemo(
    () =>
      state.phase === 'done' && state.before.ok && state.after.ok
        ? compareMaps(state.before.snapshot, state.after.snapshot)
        : null,
    [state],
  );
  useEffect(() => {
    document.title = `${t('page.title')} · Itinera`;
  }, [t]);

  if (state.phase === 'loading')
    return (
      <div className="page-message" role="status" aria-busy="true">
        <div className="spinner" aria-hidden="true" />
        {t('page.loading')}
      </div>
    );
  const { before: a, after: b } = state;
  if (!a.ok || !b.ok || !comparison) {
    const failed = [a, b].filter((s): s is Extract<CompareSource, { ok: false }> => !s.ok);
    return (
      <main className="page-message compare-error" role="alert">
        <h1>{t('page.errorTitle')}</h1>
        {failed.map((s) => (
          <p key={compareRefText(s.ref)}>
            {t(`page.${s.reason}`, { id: compareRefText(s.ref), message: s.message ?? '' })}
          </p>
        ))}
        <a href="#/">{t('page.back')}</a>
      </main>
    );
  }
  return (
    <PanelBoundary panel="compare" className="panel-error-library">
      <ComparePage
        before={{ title: a.title, href: mapHref(a.ref.mapId) }}
        after={{ title: b.title, href: mapHref(b.ref.mapId) }}
        comparison={comparison}
        backHref="#/"
      />
    </PanelBoundary>
  );
}

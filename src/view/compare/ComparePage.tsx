/**
 * The compare page (`#/compare/<before>/<after>`): what changed from one map to another (a
 * current state and its future state, later two versions). A summary first (how many records
 * were added, removed and changed, the mean emotion, the monthly saving of the channel shift),
 * then the channel cost, the emotion per stage and persona, and each kind's field-by-field
 * changes. The report exports as a PNG picture and as one PDF page.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPARE_KINDS,
  type EmotionDelta,
  type ItemChange,
  type MapComparison,
} from '../../model/compare/types';
import { downloadBlob } from '../../export/download';
import { exportFileName } from '../../export/fileName';
import { formatMoney, formatNumber } from '../../export/pdf/format';
import './compare.css';

export interface CompareSide {
  readonly title: string;
  /** Opens the map; null when there is nothing to open. */
  readonly href: string | null;
}

export interface ComparePageProps {
  readonly before: CompareSide;
  readonly after: CompareSide;
  readonly comparison: MapComparison;
  readonly backHref: string;
}

const loadPicture = () => import('../../export/compareImage');

function signed(n: number, locale: string): string {
  const s = formatNumber(n, locale, 2);
  return n > 0 ? `+${s}` : s;
}

function EmotionText({ d, locale }: { d: EmotionDelta; locale: string }) {
  const { t } = useTranslation('compare');
  const v = (x: number | null) => (x === null ? t('page.notRated') : formatNumber(x, locale, 2));
  return (
    <>
      {v(d.before)} → {v(d.after)}
      {d.delta !== null && d.delta !== 0 ? (
        <span className={d.delta > 0 ? 'compare-up' : 'compare-down'}>
          {' '}
          ({signed(d.delta, locale)})
        </span>
      ) : null}
    </>
  );
}

function Item({ item }: { item: ItemChange }) {
  const { t } = useTranslation('compare');
  return (
    <li className="compare-item">
      <span className={`compare-badge is-${item.status}`}>{t(`status.${item.status}`)}</span>
      <strong>{item.label || item.id}</strong>
      {item.fields.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('col.field')}</th>
              <th scope="col">{t('col.before')}</th>
              <th scope="col">{t('col.after')}</th>
            </tr>
          </thead>
          <tbody>
            {item.fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{t(`field.${f.field}`, { defaultValue: f.field })}</th>
                <td>{f.before || '—'}</td>
                <td>{f.after || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

function Side({ side, label }: { side: CompareSide; label: string }) {
  const { t } = useTranslation('compare');
  return (
    <span>
      {label}:{' '}
      {side.href ? (
        <a href={side.href} aria-label={t('page.open', { title: side.title })}>
          {side.title}
        </a>
      ) : (
        side.title
      )}
    </span>
  );
}

export function ComparePage({ before, after, comparison: c, backHref }: ComparePageProps) {
  const { t, i18n } = useTranslation('compare');
  const locale = i18n.resolvedLanguage ?? 'en';
  const report = useRef<HTMLElement>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const money = (n: number) => formatMoney(n, c.cost.currency, locale);
  const count = (n: number) => formatNumber(n, locale, 0);
  /** "2 added, 0 removed, 1 changed", each number with its own plural (Italian agrees). */
  const changes = (n: { added: number; removed: number; changed: number }) =>
    t('page.counts', {
      added: t('page.added', { count: n.added }),
      removed: t('page.removed', { count: n.removed }),
      changed: t('page.changed', { count: n.changed }),
    });
  const saving = c.cost.saving;

  const exportAs = async (kind: 'png' | 'pdf') => {
    if (!report.current) return;
    setExporting(true);
    setExportError(null);
    try {
      const m = await loadPicture();
      const picture = await m.comparePng(report.current);
      const name = `${before.title} - ${after.title}`;
      if (kind === 'png') downloadBlob(picture.blob, exportFileName(name, new Date(), 'png'));
      else {
        const pdf = await m.comparePdf(picture, `${t('page.title')}: ${name}`);
        downloadBlob(
          new Blob([pdf as BlobPart], { type: 'application/pdf' }),
          exportFileName(name, new Date(), 'pdf'),
        );
      }
    } catch (err) {
      setExportError(String((err as Error)?.message ?? err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="compare-page">
      <header className="compare-bar">
        <a className="brand" href={backHref} aria-label={`Itinera: ${t('page.back')}`}>
          <span aria-hidden="true">◆</span> Itinera
        </a>
        <h1>{t('page.title')}</h1>
        <div className="compare-actions" role="group" aria-label={t('page.export')}>
          <button type="button" disabled={exporting} onClick={() => void exportAs('png')}>
            {t('page.exportPng')}
          </button>
          <button type="button" disabled={exporting} onClick={() => void exportAs('pdf')}>
            {t('page.exportPdf')}
          </button>
          <span role="status">
            {exporting
              ? t('page.exporting')
              : exportError
                ? t('page.exportFailed', { message: exportError })
                : ''}
          </span>
        </div>
      </header>
      <main>
        <article className="compare-report" ref={report} aria-labelledby="compare-title">
          <h2 id="compare-title">
            {before.title} → {after.title}
          </h2>
          <p className="compare-sides">
            <Side side={before} label={t('page.before')} />
            <Side side={after} label={t('page.after')} />
          </p>
          {c.identical ? (
            <section className="compare-empty" aria-labelledby="compare-empty">
              <h3 id="compare-empty">{t('page.empty')}</h3>
              <p>{t('page.emptyHint')}</p>
            </section>
          ) : (
            <>
              <section aria-labelledby="compare-summary">
                <h3 id="compare-summary">{t('page.summary')}</h3>
                <dl className="compare-summary">
                  <div>
                    <dt>{t('page.changes')}</dt>
                    <dd>{changes(c.totals)}</dd>
                  </div>
                  <div>
                    <dt>{t('page.emotion')}</dt>
                    <dd>
                      <EmotionText d={c.emotion} locale={locale} />
                    </dd>
                  </div>
                  <div>
                    <dt>{saving >= 0 ? t('page.saving') : t('page.extraCost')}</dt>
                    <dd data-testid="compare-saving">
                      {money(Math.abs(saving))}
                      <span className="compare-sub">
                        {t('page.moved', {
                          count: Math.round(c.cost.contactsMovedToDigital),
                          n: count(c.cost.contactsMovedToDigital),
                        })}
                      </span>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('page.costBefore')}</dt>
                    <dd>
                      {money(c.cost.costBefore)}
                      <span className="compare-sub">
                        {t('page.costAfter')}: {money(c.cost.costAfter)}
                      </span>
                    </dd>
                  </div>
                </dl>
              </section>

              <section aria-labelledby="compare-cost">
                <h3 id="compare-cost">{t('section.cost')}</h3>
                <p className="compare-hint">{t('page.costHint')}</p>
                {c.cost.moves.length > 0 ? (
                  <>
                    <h4>{t('section.moves')}</h4>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t('col.touchpoint')}</th>
                          <th scope="col">{t('col.from')}</th>
                          <th scope="col">{t('col.to')}</th>
                          <th scope="col" className="num">
                            {t('col.contacts')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {c.cost.moves.map((m) => (
                          <tr key={m.touchpointId}>
                            <td>{m.action || m.touchpointId}</td>
                            <td>{m.from.label}</td>
                            <td>{m.to.label}</td>
                            <td className="num">{count(m.volume)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </>
                ) : null}
                <h4>{t('page.byChannel')}</h4>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.channel')}</th>
                      <th scope="col" className="num">
                        {t('col.contactsBefore')}
                      </th>
                      <th scope="col" className="num">
                        {t('col.contactsAfter')}
                      </th>
                      <th scope="col" className="num">
                        {t('col.costBefore')}
                      </th>
                      <th scope="col" className="num">
                        {t('col.costAfter')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.cost.rows.map((r) => (
                      <tr key={r.channelId}>
                        <th scope="row">{r.label}</th>
                        <td className="num">{count(r.contactsBefore)}</td>
                        <td className="num">{count(r.contactsAfter)}</td>
                        <td className="num">{money(r.costBefore)}</td>
                        <td className="num">{money(r.costAfter)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>

              <section aria-labelledby="compare-stage-emotion">
                <h3 id="compare-stage-emotion">{t('section.stageEmotion')}</h3>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.stage')}</th>
                      <th scope="col">{t('col.change')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.stageEmotions.map((s) => (
                      <tr key={s.stageId}>
                        <th scope="row">{s.label}</th>
                        <td>
                          <EmotionText d={s} locale={locale} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {c.personaEmotions.length > 0 ? (
                  <>
                    <h4>{t('section.personaEmotion')}</h4>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t('col.persona')}</th>
                          <th scope="col">{t('col.change')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {c.personaEmotions.map((p) => (
                          <tr key={p.personaId}>
                            <th scope="row">{p.name}</th>
                            <td>
                              <EmotionText d={p} locale={locale} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </>
                ) : null}
              </section>

              {COMPARE_KINDS.map((kind) => {
                const k = c.kinds[kind];
                return (
                  <section key={kind} aria-labelledby={`compare-${kind}`}>
                    <h3 id={`compare-${kind}`}>
                      {t(`section.${kind}`)} <small>({changes(k)})</small>
                    </h3>
                    {k.items.length === 0 ? (
                      <p>{t('page.none')}</p>
                    ) : (
                      <ul className="compare-items">
                        {k.items.map((item) => (
                          <Item key={`${item.status}:${item.id}`} item={item} />
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })}
            </>
          )}
        </article>
      </main>
    </div>
  );
}

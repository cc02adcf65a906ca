/**
 * A version, read-only: its title, counts and the journey grid's main rows (touchpoints by
 * stage, pain points, opportunities) as a plain table. It renders a snapshot of its own
 * (never the live map's) and has no control that writes.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { gridModel } from '../../model/grid';
import { customerTouchpoints } from '../../model/touchpoint-kinds';
import type { MapSnapshot } from '../../model/types';

export function VersionPreview({ snapshot }: { snapshot: MapSnapshot }) {
  const { t } = useTranslation('history');
  const grid = useMemo(() => gridModel(snapshot), [snapshot]);
  const columns = grid.stages.map((s) => grid.columns.get(s.id)!);
  const rows: { label: string; cell: (i: number) => readonly string[] }[] = [
    { label: t('row.touchpoints'), cell: (i) => columns[i]!.touchpoints.map((tp) => tp.action) },
    { label: t('row.painPoints'), cell: (i) => columns[i]!.painPoints.map((p) => p.text) },
    { label: t('row.opportunities'), cell: (i) => columns[i]!.opportunities.map((p) => p.text) },
  ];
  return (
    <div className="version-preview">
      <h3>{snapshot.meta.title || t('untitled')}</h3>
      <p>
        {t('counts', {
          stages: t('stages', { count: grid.stages.length }),
          // Device links are drawn, not counted as touchpoints (model/touchpoint-kinds.ts).
          touchpoints: t('touchpoints', { count: customerTouchpoints(snapshot).length }),
          nodes: t('nodes', { count: snapshot.nodes.length }),
        })}
      </p>
      {grid.stages.length === 0 ? (
        <p className="history-empty">{t('noStages')}</p>
      ) : (
        <div
          className="version-preview-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('gridLabel')}
        >
          <table>
            <thead>
              <tr>
                <td />
                {grid.stages.map((s) => (
                  <th key={s.id} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {grid.stages.map((s, i) => (
                    <td key={s.id}>
                      {r.cell(i).length ? (
                        <ul>
                          {r.cell(i).map((text, k) => (
                            <li key={k}>{text}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

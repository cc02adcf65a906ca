/**
 * Every touchpoint's action next to its face, at a zoom where it can be read (READ_ZOOM) and
 * always in an image export: plain HTML in React Flow's edge label layer, placed by
 * `layoutGlyphs` (touchpointTexts.ts) so no text overlaps a node, a face or another text. The
 * selected touchpoint shows its own label instead. Visual only (`aria-hidden`): each
 * touchpoint's action is already its accessible name. A touchpoint dimmed by the persona focus
 * or the assumptions filter has its text dimmed too (`tp-text-dimmed`, a lighter colour that
 * still reads), never hidden.
 */
import { useStore } from '@xyflow/react';
import { memo } from 'react';
import type { MapSnapshot } from '../../model/types';
import { useDimmedTouchpoints } from '../personas/dimming';
import { FlowLayer } from './FlowLayer';
import { selectZoom } from './flowContract';
import type { TextPlace } from './touchpointTexts';
import './touchpointTexts.css';

/** From this zoom on, 11 px text is about 8 px or more on screen. */
export const READ_ZOOM = 0.7;
/** Above this many touchpoints the texts are left to the export (and the selected label). */
export const MAX_LIVE_TEXTS = 1500;

/** A dimmed touchpoint's text (touchpointTexts.css). */
export const TEXT_DIMMED_CLASS = 'tp-text-dimmed';

const isReadable = (s: Parameters<typeof selectZoom>[0]) => selectZoom(s) >= READ_ZOOM;

export function TouchpointTexts({
  texts,
  selected,
  renderAll,
  snapshot,
}: {
  texts: readonly TextPlace[];
  selected: ReadonlySet<string>;
  renderAll: boolean;
  snapshot: Pick<MapSnapshot, 'personas' | 'touchpoints'>;
}) {
  const readable = useStore(isReadable);
  const dimmed = useDimmedTouchpoints(snapshot);
  if (!renderAll && (!readable || texts.length > MAX_LIVE_TEXTS)) return null;
  return <Texts texts={texts} selected={selected} dimmed={dimmed} />;
}

const Texts = memo(function Texts({
  texts,
  selected,
  dimmed,
}: {
  texts: readonly TextPlace[];
  selected: ReadonlySet<string>;
  dimmed: ReadonlySet<string>;
}) {
  return (
    <FlowLayer layer="edgeLabels">
      <div className="tp-texts" aria-hidden="true">
        {texts.map((t) =>
          selected.has(t.id) ? null : (
            <div
              key={t.id}
              className={dimmed.has(t.id) ? `tp-text ${TEXT_DIMMED_CLASS}` : 'tp-text'}
              data-testid={`tp-text-${t.id}`}
              style={{
                transform: `translate(${t.x}px, ${t.y}px)`,
                width: t.w,
                height: t.h,
                WebkitLineClamp: t.lines,
              }}
            >
              {t.text}
            </div>
          ),
        )}
      </div>
    </FlowLayer>
  );
});

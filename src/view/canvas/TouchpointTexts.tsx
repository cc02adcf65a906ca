/**
 * Every touchpoint's action next to its face, at a zoom where it can be read (READ_ZOOM) and
 * always in an image export: plain HTML in React Flow's edge label layer, placed by
 * `layoutGlyphs` (touchpointTexts.ts) so no text overlaps a node, a face or another text. The
 * selected touchpoint shows its own label instead. Visual only (`aria-hidden`): each
 * touchpoint's action is already its accessible name.
 */
import { useStore } from '@xyflow/react';
import { memo } from 'react';
import { FlowLayer } from './FlowLayer';
import { selectZoom } from './flowContract';
import type { TextPlace } from './touchpointTexts';

/** From this zoom on, 11 px text is about 8 px or more on screen. */
export const READ_ZOOM = 0.7;
/** Above this many touchpoints the texts are left to the export (and the selected label). */
export const MAX_LIVE_TEXTS = 1500;

const isReadable = (s: Parameters<typeof selectZoom>[0]) => selectZoom(s) >= READ_ZOOM;

export function TouchpointTexts({
  texts,
  selected,
  renderAll,
}: {
  texts: readonly TextPlace[];
  selected: ReadonlySet<string>;
  renderAll: boolean;
}) {
  const readable = useStore(isReadable);
  if (!renderAll && (!readable || texts.length > MAX_LIVE_TEXTS)) return null;
  return <Texts texts={texts} selected={selected} />;
}

const Texts = memo(function Texts({
  texts,
  selected,
}: {
  texts: readonly TextPlace[];
  selected: ReadonlySet<string>;
}) {
  return (
    <FlowLayer layer="edgeLabels">
      <div className="tp-texts" aria-hidden="true">
        {texts.map((t) =>
          selected.has(t.id) ? null : (
            <div
              key={t.id}
              className="tp-text"
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

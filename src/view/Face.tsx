/**
 * The emotion face, drawn as SVG (not emoji) so it renders the same on every machine and in
 * image exports, whatever fonts are installed.
 */
import { memo } from 'react';
import type { Emotion } from '../model/types';
import { emotionColor } from './emotionStyle';

/** Mouth curve per emotion: control-point offset of a quadratic curve (negative = frown). */
const MOUTH_BEND: Record<Emotion, number> = { [-2]: -4, [-1]: -2, 0: 0, 1: 2.5, 2: 4.5 };

/** Face glyph centred on (0,0) with radius `r`, for use inside an <svg>. */
export function FaceGlyph({ emotion, r = 10 }: { emotion: number; r?: number }) {
  const e = Math.max(-2, Math.min(2, Math.round(emotion))) as Emotion;
  const k = r / 10;
  const bend = MOUTH_BEND[e] * k;
  const mouthY = (e < 0 ? 4.5 : 3) * k;
  return (
    <g>
      <circle r={r} fill={emotionColor(emotion)} />
      <circle cx={-3.4 * k} cy={-2.6 * k} r={1.3 * k} fill="#fff" />
      <circle cx={3.4 * k} cy={-2.6 * k} r={1.3 * k} fill="#fff" />
      <path
        d={`M${-4.4 * k},${mouthY} Q0,${mouthY + bend} ${4.4 * k},${mouthY}`}
        stroke="#fff"
        strokeWidth={1.6 * k}
        fill="none"
        strokeLinecap="round"
      />
    </g>
  );
}

export const Face = memo(function Face({ emotion, size = 20 }: { emotion: number; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="-10 -10 20 20" aria-hidden="true" focusable="false">
      <FaceGlyph emotion={emotion} />
    </svg>
  );
});

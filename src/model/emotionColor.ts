/**
 * How an emotion looks: its colour, the same on edges, the curve, the legend and every export
 * (pictures, PDF, PowerPoint). Pure data, so exports can use it without the view.
 */
import type { Emotion } from './types';

export const EMOTION_COLOR: Record<Emotion, string> = {
  [-2]: '#d1453b',
  [-1]: '#ee8a3c',
  0: '#8d99a6',
  1: '#6cbf5a',
  2: '#2e9e48',
};
export const UNRATED_COLOR = '#b8c0c8';

/** The colour of `e` rounded to the nearest emotion; unrated (null, undefined, NaN) is grey. */
export function emotionColor(e: number | null | undefined): string {
  if (e === null || e === undefined || !Number.isFinite(e)) return UNRATED_COLOR;
  const r = Math.max(-2, Math.min(2, Math.round(e))) as Emotion;
  return EMOTION_COLOR[r];
}

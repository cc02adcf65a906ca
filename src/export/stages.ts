/** The stages of an image export, for a progress bar (kept apart from image.ts, which loads html-to-image). */
export type ExportStage = 'prepare' | 'fonts' | 'render' | 'encode' | 'done';
/** Fraction of the work done when a stage starts, for a progress bar. */
export const STAGE_PROGRESS: Record<ExportStage, number> = {
  prepare: 0,
  fonts: 0.1,
  render: 0.2,
  encode: 0.85,
  done: 1,
};

/** The editable PowerPoint deck: `buildPptx` and a hook for the bench. */
export { buildPptx, type PptxOptions } from './buildPptx';
export { benchPptx, type PptxBenchResult } from './bench';

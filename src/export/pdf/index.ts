export { buildPdf, type PdfOptions, type PdfSize, PDF_SIZES } from './buildPdf';
export type { DeckLabels } from './labels';

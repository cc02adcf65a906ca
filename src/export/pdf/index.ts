export { buildPdf, type PdfOptions, type PdfSize, PDF_SIZES } from './buildPdf';
export { pdfLabelsFrom, type DeckLabels as PdfLabels } from './labels';

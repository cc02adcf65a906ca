/**
 * Emotion colours of the app (the same on edges, the curve, the legend and every export).
 * Re-exported from where the table lives today, so the PDF follows it; when the pure table
 * moves out of view/ (into export/ or model/), only this line changes.
 */
// eslint-disable-next-line no-restricted-imports -- the colour table is pure data; it moves out of view/ with the PowerPoint export
export { EMOTION_COLOR, UNRATED_COLOR, emotionColor } from '../../view/emotionStyle';

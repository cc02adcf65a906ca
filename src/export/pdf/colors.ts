/** Emotion colours of the app (the same on edges, the curve, the legend and every export). */
export { EMOTION_COLOR, UNRATED_COLOR, emotionColor } from '../../model/emotionColor';

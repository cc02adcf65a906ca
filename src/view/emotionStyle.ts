/** How an emotion looks: the colour table lives in the model so exports can share it. */
export { EMOTION_COLOR, UNRATED_COLOR, emotionColor } from '../model/emotionColor';

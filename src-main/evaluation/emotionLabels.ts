// Emotion labels of data sets and people, mapped to the seven emotions of the
// taxonomy where they mean one of them; any other label is kept (lowercase) and
// is never counted as agreeing or disagreeing.
import { EMOTIONS, type Emotion } from '../../src-shared/analysis/emotions.js';

const SYNONYMS: Record<string, Emotion> = {
  enjoyment: 'enjoyment',
  happiness: 'enjoyment',
  happy: 'enjoyment',
  joy: 'enjoyment',
  sadness: 'sadness',
  sad: 'sadness',
  anger: 'anger',
  angry: 'anger',
  fear: 'fear',
  afraid: 'fear',
  fearful: 'fear',
  surprise: 'surprise',
  surprised: 'surprise',
  contempt: 'contempt',
  disgust: 'disgust',
  disgusted: 'disgust',
};

/** One of the seven emotions when the label means one (case and spaces ignored), else the label in lowercase; undefined for an empty label. */
export function normaliseEmotion(label: string): Emotion | string | undefined {
  const key = label.trim().toLowerCase();
  if (key === '') return undefined;
  return SYNONYMS[key] ?? key;
}

export function isEmotion(label: unknown): label is Emotion {
  return typeof label === 'string' && (EMOTIONS as readonly string[]).includes(label);
}

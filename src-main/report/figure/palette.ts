import type { Emotion } from '../../../src-shared/analysis/emotions.js';

/**
 * Emotion colours for print on white: the review window's hues, darkened so thin
 * lines stay legible on paper and in greyscale copies (the window's palette is
 * made for a dark background).
 */
export const PRINT_COLORS: Record<Emotion, string> = {
  enjoyment: '#c99700',
  sadness: '#2f6fdb',
  anger: '#d62728',
  fear: '#7e3fb8',
  surprise: '#1392b8',
  contempt: '#e07b1a',
  disgust: '#2e9e5b',
};

export const NO_EMOTION_COLOR = '#777777';

export function printColor(emotion: Emotion | null): string {
  return emotion ? PRINT_COLORS[emotion] : NO_EMOTION_COLOR;
}

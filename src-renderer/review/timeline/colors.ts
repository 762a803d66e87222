import type { ExpressionClass } from '../../../src-shared/analysis/emotions.js';

/** One colour per class, used for curves, candidate and annotation markers alike. */
export const CLASS_COLORS: Record<ExpressionClass, string> = {
  neutral: '#8a939c',
  enjoyment: '#f2c94c',
  sadness: '#5b8def',
  anger: '#eb5757',
  fear: '#9b51e0',
  surprise: '#56ccf2',
  contempt: '#f2994a',
  disgust: '#6fcf97',
};

export function emotionColor(emotion: string | null): string {
  return (emotion && CLASS_COLORS[emotion as ExpressionClass]) || '#cccccc';
}

/** Action-unit traces: distinct, quieter hues. */
const AU_PALETTE = [
  '#d7aefb',
  '#aecbfa',
  '#fdcfe8',
  '#ccff90',
  '#fff475',
  '#fbbc04',
  '#e6c9a8',
  '#a7ffeb',
  '#cbf0f8',
  '#f28b82',
  '#e8eaed',
];
export function auColor(i: number): string {
  return AU_PALETTE[i % AU_PALETTE.length] as string;
}

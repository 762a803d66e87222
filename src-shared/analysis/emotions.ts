/**
 * The taxonomy: neutral plus the seven basic emotions, in the order every
 * per-frame export uses. "enjoyment" is the analysts' word for happiness.
 */
export const EMOTIONS = ['enjoyment', 'sadness', 'anger', 'fear', 'surprise', 'contempt', 'disgust'] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const EXPRESSION_CLASSES = ['neutral', ...EMOTIONS] as const;
export type ExpressionClass = (typeof EXPRESSION_CLASSES)[number];

/** Probabilities of the eight classes; they sum to 1 on a frame with a face. */
export type ExpressionScores = Record<ExpressionClass, number>;

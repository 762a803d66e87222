/**
 * The face-mesh points kept per frame in the case store: enough to follow each
 * facial region (brows, eyes, nose, mouth, face outline) without storing all
 * 468 (which would be 5.6 KB a frame). Indices of MediaPipe's 468-point mesh.
 */
export const LANDMARK_REGIONS = {
  browRight: [70, 63, 105, 66, 107],
  browLeft: [336, 296, 334, 293, 300],
  eyeRight: [33, 160, 158, 133, 153, 144],
  eyeLeft: [362, 385, 387, 263, 373, 380],
  nose: [168, 6, 197, 195, 5, 4, 1, 98, 327],
  mouthOuter: [61, 40, 37, 0, 267, 270, 291, 321, 314, 17, 84, 91],
  mouthInner: [78, 13, 308, 14],
  outline: [
    10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93,
    234, 127, 162, 21, 54, 103, 67, 109,
  ],
} as const;

export const LANDMARK_SUBSET: readonly number[] = Object.values(LANDMARK_REGIONS).flat();

/**
 * Stored as int16 in quarter pixels of the displayed source frame, three numbers
 * a point: x and y in the picture, and z, the mesh's depth in the same scale
 * (so the spotter can take the head's pose out in 3-D: src-main/spotting/regionMotion.ts).
 */
export const LANDMARK_QUANTUM = 0.25;
export const LANDMARK_AXES = 3;
/** Stored numbers a frame: every point's x, y and z. */
export const LANDMARK_VALUES_PER_FRAME = LANDMARK_SUBSET.length * LANDMARK_AXES;

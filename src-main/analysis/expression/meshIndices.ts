// The MediaPipe face-mesh (468 points) indices the expression stage reads.
// "Right"/"left" are the subject's, as in MediaPipe: the subject's right eye is
// on the image's left in an unmirrored frontal view. Index sets follow
// @vladmandic/human src/face/facemeshcoords.ts (rightEyeUpper0, …).
export const MESH_POINTS = 468;

export const MESH = {
  /** Eye corners: outer and inner. Eye centre = mean of the two corners. */
  rightEyeOuter: 33,
  rightEyeInner: 133,
  leftEyeOuter: 263,
  leftEyeInner: 362,
  /** Upper and lower lid, three points each across the middle of the eye (pairs facing each other). */
  rightUpperLid: [160, 159, 158],
  rightLowerLid: [144, 145, 153],
  leftUpperLid: [387, 386, 385],
  leftLowerLid: [373, 374, 380],
  /** Upper brow contour, outer → inner (rightEyebrowUpper 70, 63, 105, 66, 107). */
  rightBrow: [70, 63, 105, 66, 107],
  leftBrow: [300, 293, 334, 296, 336],
  rightBrowInner: 107,
  leftBrowInner: 336,
  /** Nose bridge between the eyes (nasion) and nose bottom (subnasale): skull-rigid, used for the face's vertical. */
  noseBridge: 168,
  noseBottom: 2,
  /** Nasal alae (wings), raised by AU9. */
  rightAla: 98,
  leftAla: 327,
  /** Lip corners. */
  rightLipCorner: 61,
  leftLipCorner: 291,
  /** Inner lip midpoints, upper and lower. */
  upperInnerLip: 13,
  lowerInnerLip: 14,
  chin: 152,
} as const;

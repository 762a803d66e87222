// Sharpness of the face crop, for the `blurred` quality flag.
//
// Measure: variance of the 4-neighbour Laplacian over the crop's interior,
// divided by the variance of the crop's intensities. The Laplacian grows with
// contrast as much as with sharpness; dividing by the intensity variance
// leaves a number that does not change when brightness or contrast does (any
// a·I + b gives the same value), only when edges soften. It is measured on the
// classifier's own 64x64 crop, i.e. on what the classifier sees: a face that is
// sharp in the frame but tiny is judged by tooSmall, not here.

/** Contrast-normalised Laplacian variance of a size×size image; 0 for a flat image. */
export function laplacianSharpness(image: Float32Array, size: number): number {
  let sum = 0;
  let sumSq = 0;
  const n = size * size;
  for (let i = 0; i < n; i++) {
    const v = image[i] ?? 0;
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  const variance = sumSq / n - mean * mean;
  let lSum = 0;
  let lSumSq = 0;
  let m = 0;
  for (let y = 1; y < size - 1; y++) {
    for (let x = 1; x < size - 1; x++) {
      const i = y * size + x;
      const l = (image[i - 1] ?? 0) + (image[i + 1] ?? 0) + (image[i - size] ?? 0) + (image[i + size] ?? 0) - 4 * (image[i] ?? 0);
      lSum += l;
      lSumSq += l * l;
      m++;
    }
  }
  // A flat crop (variance at float rounding level) has no edges to judge.
  if (m === 0 || !(variance > 1e-9)) return 0;
  const lMean = lSum / m;
  return (lSumSq / m - lMean * lMean) / variance;
}

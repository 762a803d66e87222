import { FACE_BOX_COLUMNS } from '../../../src-shared/review/reviewColumns.js';
import type { Box } from '../../../src-shared/review/faceStabilizer.js';
import { SeriesTrack } from './seriesTrack.js';

/** The subject's face box per frame, loaded a block of frames at a time as the player moves. */
export class FaceTrack {
  private readonly series: SeriesTrack;

  constructor(recordingId: number, onLoaded: () => void) {
    this.series = new SeriesTrack(recordingId, FACE_BOX_COLUMNS, onLoaded);
  }

  /** The box of frame f, or null (no face, or its block not loaded yet; loading starts). */
  boxOf = (f: number): Box | null => {
    const v = this.series.valuesAt(f);
    if (!v) return null;
    const [x, y, w, h] = [v[0], v[1], v[2], v[3]] as number[];
    return Number.isNaN(w) ? null : { x: x as number, y: y as number, w: w as number, h: h as number };
  };
}

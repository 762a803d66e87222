/** An ffmpeg or ffprobe process killed by a signal: a fault of that binary, not of the file. */
export class ToolCrashedError extends Error {
  constructor(
    readonly tool: string,
    readonly signal: string,
  ) {
    super(`${tool} crashed (${signal}) while reading the file`);
    this.name = 'ToolCrashedError';
  }
}

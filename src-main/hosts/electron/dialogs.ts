import type { BrowserWindow, Dialog } from 'electron';
import type { MethodResult } from '../../../src-shared/api/contract.js';

type AppInfo = MethodResult<'app.info'>;
type OpenDialog = Pick<Dialog, 'showOpenDialog'>;

/** Containers evidence arrives in; "All files" is always offered too, since ffmpeg reads more. */
export const RECORDING_EXTENSIONS = [
  'mp4',
  'm4v',
  'mov',
  'avi',
  'mkv',
  'webm',
  'mpg',
  'mpeg',
  'ts',
  'mts',
  'm2ts',
  'vob',
  'wmv',
  'asf',
  'flv',
  '3gp',
  'mxf',
  'dv',
  'ogv',
];

/** File > Open recording…: the files chosen, or none when cancelled. */
export async function chooseRecordings(dialog: OpenDialog, window: BrowserWindow): Promise<string[]> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Open recordings',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
    filters: [
      { name: 'Recordings', extensions: RECORDING_EXTENSIONS },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return result.canceled ? [] : result.filePaths;
}

/** File > Import folder…: the folder chosen, or undefined when cancelled. */
export async function chooseFolder(dialog: OpenDialog, window: BrowserWindow): Promise<string | undefined> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Import a folder of recordings',
    buttonLabel: 'Scan folder',
    properties: ['openDirectory', 'dontAddToRecent'],
  });
  return result.canceled ? undefined : result.filePaths[0];
}

/**
 * The About box's text: every version a report may have to state (the app, the
 * ffmpeg and ffprobe that decode, the model manifest and each model, Electron).
 */
export function aboutText(
  info: AppInfo,
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>,
): { message: string; detail: string } {
  const tool = (name: string, t: AppInfo['ffmpeg']) => (t ? `${name} ${t.version} (${t.source}: ${t.path})` : `${name}: not found`);
  const models = info.models
    ? [
        `Model manifest SHA-256 ${info.models.manifestSha256}`,
        ...info.models.models.map((m) => `  ${m.name}: ${m.source}, ONNX SHA-256 ${m.onnxSha256}`),
      ]
    : [`Models: ${info.modelsError ?? 'unavailable'}`];
  return {
    message: `Micromoment ${info.version}`,
    detail: [
      tool('ffmpeg', info.ffmpeg),
      tool('ffprobe', info.ffprobe),
      ...models,
      `Electron ${versions.electron ?? '?'}, Chromium ${versions.chrome ?? '?'}, Node ${versions.node ?? '?'}`,
      `Case database: ${info.dbPath}`,
      `Analyst: ${info.analyst}`,
    ].join('\n'),
  };
}

export async function showAbout(
  dialog: Pick<Dialog, 'showMessageBox'>,
  window: BrowserWindow,
  text: { message: string; detail: string },
): Promise<void> {
  await dialog.showMessageBox(window, {
    type: 'info',
    title: 'About Micromoment',
    message: text.message,
    detail: text.detail,
    buttons: ['OK'],
    noLink: true,
  });
}

// The preload of the Micromoment window: sandboxed, CommonJS, and exposing
// exactly the API contract's two verbs (call a method, listen to an event) on
// window.micromoment, and nothing else. Names and arguments are validated in
// the main process. Channel names are repeated here because a sandboxed preload
// can require nothing but 'electron' (test/unit/hosts checks they match).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload is CommonJS
import electron = require('electron');
import type { IpcRendererEvent } from 'electron';

const { contextBridge, ipcRenderer, webUtils } = electron;

const API_CHANNEL = 'micromoment:api';
const API_EVENT_CHANNEL = 'micromoment:event';
const DROP_CHANNEL = 'micromoment:dropped-paths';

contextBridge.exposeInMainWorld('micromoment', {
  call: (method: string, args: unknown) => ipcRenderer.invoke(API_CHANNEL, String(method), args),
  on: (event: string, listener: (payload: unknown) => void) => {
    const name = String(event);
    const wrapped = (_e: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message.event === name) listener(message.payload);
    };
    ipcRenderer.on(API_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(API_EVENT_CHANNEL, wrapped);
    };
  },
});

// Files and folders dropped anywhere on the window. Their paths are readable only
// here (webUtils), never by the page; the main process sends them back to the
// page as `menu.command` events (open-recordings, import-folder). Preventing the
// default also stops Chromium from navigating to a dropped file.
interface DragEventLike {
  preventDefault(): void;
  dataTransfer: { dropEffect: string; files: ArrayLike<unknown> } | null;
}
const page = globalThis as unknown as { addEventListener(type: 'dragover' | 'drop', listener: (event: DragEventLike) => void): void };

page.addEventListener('dragover', (event) => {
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
});
page.addEventListener('drop', (event) => {
  event.preventDefault();
  const files = Array.from(event.dataTransfer?.files ?? []);
  const paths = files
    .map((file) => webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]))
    .filter((p) => p.length > 0);
  if (paths.length > 0) ipcRenderer.send(DROP_CHANNEL, paths);
});

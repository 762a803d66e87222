// The preload of the Micromoment window: sandboxed, CommonJS, and exposing
// exactly the API contract's two verbs (call a method, listen to an event) and
// nothing else. Validation of names and arguments happens in the main process.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload is CommonJS
import electron = require('electron');
import type { IpcRendererEvent } from 'electron';

const { contextBridge, ipcRenderer } = electron;

const API_CHANNEL = 'micromoment:api';
const API_EVENT_CHANNEL = 'micromoment:event';

contextBridge.exposeInMainWorld('micromoment', {
  call: (method: string, args: unknown) => ipcRenderer.invoke(API_CHANNEL, method, args),
  on: (event: string, listener: (payload: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message.event === event) listener(message.payload);
    };
    ipcRenderer.on(API_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(API_EVENT_CHANNEL, wrapped);
  },
});

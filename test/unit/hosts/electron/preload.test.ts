// The preload is run as Electron runs a sandboxed preload: CommonJS, with a
// `require` that gives only 'electron' (faked here). It is compiled from its
// source with TypeScript, so this tests what ships without needing a build.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { API_CHANNEL, API_EVENT_CHANNEL } from '../../../../src-shared/api/contract.js';
import { DROP_CHANNEL } from '../../../../src-main/hosts/electron/dropBridge.js';
import { repoRoot } from '../../../helpers/paths.js';

type Listener = (...args: unknown[]) => void;

function runPreload() {
  const source = fs.readFileSync(path.join(repoRoot, 'src-main', 'hosts', 'electron', 'preload.cts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: unknown[][] = [];
  const sent: unknown[][] = [];
  const ipcListeners = new Map<string, Set<Listener>>();
  const pageListeners = new Map<string, Listener>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, result: 1 };
      },
      send: (...args: unknown[]) => sent.push(args),
      on: (channel: string, l: Listener) => {
        ipcListeners.set(channel, (ipcListeners.get(channel) ?? new Set()).add(l));
      },
      removeListener: (channel: string, l: Listener) => {
        ipcListeners.get(channel)?.delete(l);
      },
    },
    webUtils: { getPathForFile: (file: { diskPath?: string }) => file.diskPath ?? '' },
  };
  const sandbox = {
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    },
    exports: {},
    module: { exports: {} },
    addEventListener: (type: string, l: Listener) => pageListeners.set(type, l),
  };
  vm.runInNewContext(outputText, sandbox);
  const emit = (channel: string, message: unknown) => ipcListeners.get(channel)?.forEach((l) => l({}, message));
  return { exposed, invoked, sent, ipcListeners, pageListeners, required, emit };
}

describe('the preload', () => {
  it('exposes exactly call and on, on window.micromoment, and requires nothing but electron', () => {
    const { exposed, required } = runPreload();
    expect([...exposed.keys()]).toEqual(['micromoment']);
    expect(Object.keys(exposed.get('micromoment')!).sort()).toEqual(['call', 'on']);
    expect(required).toEqual(['electron']);
  });

  it('calls the contract on its one channel', async () => {
    const { exposed, invoked } = runPreload();
    const api = exposed.get('micromoment') as { call(m: unknown, a: unknown): Promise<unknown> };
    expect(await api.call('library.get', { id: 3 })).toEqual({ ok: true, result: 1 });
    await api.call({ toString: () => 'library.list' }, {});
    expect(invoked).toEqual([
      [API_CHANNEL, 'library.get', { id: 3 }],
      [API_CHANNEL, 'library.list', {}],
    ]);
  });

  it('delivers only the subscribed event, and unsubscribes', () => {
    const { exposed, emit, ipcListeners } = runPreload();
    const api = exposed.get('micromoment') as { on(e: string, l: (p: unknown) => void): () => void };
    const got: unknown[] = [];
    const off = api.on('menu.command', (p) => got.push(p));
    emit(API_EVENT_CHANNEL, { event: 'import.progress', payload: 1 });
    emit(API_EVENT_CHANNEL, { event: 'menu.command', payload: { command: 'export-report' } });
    off();
    emit(API_EVENT_CHANNEL, { event: 'menu.command', payload: { command: 'show-shortcuts' } });
    expect(got).toEqual([{ command: 'export-report' }]);
    expect(ipcListeners.get(API_EVENT_CHANNEL)?.size).toBe(0);
  });

  it('sends the paths of dropped files to the main process, and stops the drop from navigating', () => {
    const { pageListeners, sent } = runPreload();
    let prevented = 0;
    const transfer = { dropEffect: 'none', files: [{ diskPath: '/evidence/a.mp4' }, { diskPath: '/evidence/folder' }, {}] };
    pageListeners.get('dragover')!({
      preventDefault: () => {
        prevented += 1;
      },
      dataTransfer: transfer,
    });
    expect(transfer.dropEffect).toBe('copy');
    pageListeners.get('drop')!({
      preventDefault: () => {
        prevented += 1;
      },
      dataTransfer: transfer,
    });
    // A drop of things that are not files on disk (text, in-memory files) sends nothing.
    pageListeners.get('drop')!({
      preventDefault: () => {
        prevented += 1;
      },
      dataTransfer: { dropEffect: 'none', files: [{}] },
    });
    expect(prevented).toBe(3);
    expect(sent).toEqual([[DROP_CHANNEL, ['/evidence/a.mp4', '/evidence/folder']]]);
  });
});

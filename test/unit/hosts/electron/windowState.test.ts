import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { loadWindowPlacement, saveWindowPlacement, trackWindowPlacement } from '../../../../src-main/hosts/electron/windowState.js';
import { tempDir } from '../../../helpers/paths.js';

describe('remembered window placement', () => {
  it('round-trips through its file, written whole', () => {
    const file = path.join(tempDir(), 'nested', 'window-placement.json');
    saveWindowPlacement(file, { x: -1200, y: 40, width: 1000, height: 700, maximized: true });
    expect(loadWindowPlacement(file)).toEqual({ x: -1200, y: 40, width: 1000, height: 700, maximized: true });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-placement.json']);
  });

  it('treats a missing, corrupt or odd file as "nothing remembered"', () => {
    const dir = tempDir();
    expect(loadWindowPlacement(path.join(dir, 'none.json'))).toBeUndefined();
    for (const [name, text] of [
      ['cut.json', '{"x":1,'],
      ['odd.json', '{"width":-5,"height":10,"maximized":false}'],
      ['nan.json', '{"width":"wide","height":1,"maximized":false}'],
    ]) {
      fs.writeFileSync(path.join(dir, name!), text!);
      expect(loadWindowPlacement(path.join(dir, name!))).toBeUndefined();
    }
  });

  it('saves after moving stops, on maximise and on close, but not while minimised', () => {
    vi.useFakeTimers();
    try {
      const file = path.join(tempDir(), 'w.json');
      const window = Object.assign(new EventEmitter(), {
        bounds: { x: 5, y: 6, width: 900, height: 600 },
        maximized: false,
        minimized: false,
        getNormalBounds() {
          return this.bounds;
        },
        isMaximized() {
          return this.maximized;
        },
        isMinimized() {
          return this.minimized;
        },
        isFullScreen: () => false,
      });
      trackWindowPlacement(window as never, file, 500);
      window.emit('move');
      window.bounds = { x: 50, y: 60, width: 900, height: 600 };
      window.emit('move');
      expect(fs.existsSync(file)).toBe(false);
      vi.advanceTimersByTime(500);
      expect(loadWindowPlacement(file)).toEqual({ x: 50, y: 60, width: 900, height: 600, maximized: false });
      window.maximized = true;
      window.emit('maximize');
      expect(loadWindowPlacement(file)?.maximized).toBe(true);
      window.minimized = true;
      window.bounds = { x: 0, y: 0, width: 1, height: 1 };
      window.emit('close');
      expect(loadWindowPlacement(file)).toEqual({ x: 50, y: 60, width: 900, height: 600, maximized: true });
    } finally {
      vi.useRealTimers();
    }
  });
});

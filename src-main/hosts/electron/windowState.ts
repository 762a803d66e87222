import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BrowserWindow } from 'electron';
import type { WindowPlacement } from './windowPlacement.js';

const PlacementSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

/** The remembered placement, or undefined when there is none or it is unreadable (never an error: it is only a preference). */
export function loadWindowPlacement(file: string): WindowPlacement | undefined {
  try {
    const parsed = PlacementSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a file. */
export function saveWindowPlacement(file: string, placement: WindowPlacement): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(PlacementSchema.parse(placement)));
  fs.renameSync(temporary, file);
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isMinimized' | 'isFullScreen'>;

/**
 * Remembers where the window is: after it stops moving or resizing (debounced)
 * and when it closes. The normal (unmaximised) bounds are kept, so a maximised
 * window restores to its previous size.
 */
export function trackWindowPlacement(window: TrackedWindow, file: string, debounceMs = 500): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (window.isMinimized() || window.isFullScreen()) return;
    const bounds = window.getNormalBounds();
    try {
      saveWindowPlacement(file, { ...bounds, maximized: window.isMaximized() });
    } catch (error) {
      // Losing a window position is not worth interrupting the analyst for.
      console.warn(`Could not remember the window position in ${file}: ${(error as Error).message}`);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', save);
  window.on('unmaximize', save);
  window.on('close', save);
}

// Where the main window opens: where the analyst left it, unless that place is no
// longer on any screen (a monitor unplugged, a laptop undocked), in which case it
// opens centred on the primary screen. Pure, so it is property-tested.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered between runs; x and y absent means "let the system centre it". */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** How much of the title bar must be on a screen for the window to be grabbed and moved. */
const GRAB = { width: 100, height: 20 } as const;
const TITLE_BAR_HEIGHT = 32;

/**
 * The placement to open with, from the remembered one (if any) and the work
 * areas of the displays present now (the primary first).
 */
export function placeWindow(saved: WindowPlacement | undefined, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0];
  const wanted = saved ?? { ...DEFAULT_SIZE, maximized: false };
  if (!primary) return { width: wanted.width, height: wanted.height, maximized: wanted.maximized };
  if (saved?.x !== undefined && saved.y !== undefined) {
    const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: TITLE_BAR_HEIGHT };
    const home = workAreas.find((area) => {
      const overlap = intersection(titleBar, area);
      return overlap.width >= Math.min(GRAB.width, saved.width) && overlap.height >= GRAB.height;
    });
    if (home) {
      const size = fitSize(saved, home);
      // Keep the title bar on the screen it was on, even after shrinking to fit.
      const x = clamp(saved.x, home.x - size.width + GRAB.width, home.x + home.width - GRAB.width);
      const y = clamp(saved.y, home.y, home.y + home.height - GRAB.height);
      return { x, y, ...size, maximized: saved.maximized };
    }
  }
  return { ...fitSize(wanted, primary), maximized: wanted.maximized };
}

/** The size, at least the minimum and at most the screen's work area. */
function fitSize(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: Math.round(Math.min(Math.max(size.width, MIN_SIZE.width), area.width)),
    height: Math.round(Math.min(Math.max(size.height, MIN_SIZE.height), area.height)),
  };
}

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.round(Math.min(Math.max(value, min), Math.max(min, max)));
}

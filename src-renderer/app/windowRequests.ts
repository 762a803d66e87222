import type { Speed } from '../../src-shared/review/speeds.js';

/**
 * Requests from the shell's menus for a view that may not be open yet: the
 * request waits in its slot until the view takes it (once: a view mounted
 * twice, as React's StrictMode does, finds it gone the second time).
 */
function slot<T>() {
  let value: T | null = null;
  const listeners = new Set<() => void>();
  return {
    put(v: T) {
      value = v;
      listeners.forEach((l) => l());
    },
    take(): T | null {
      const v = value;
      value = null;
      return v;
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
  };
}

export const importRequest = slot<string[]>();
export const scanRequest = slot<string[]>();

/**
 * Requests for the review window only when it is open: it registers a handler;
 * `send` returns false when none is registered, so the caller can do otherwise.
 */
function handlerOf<T>() {
  let handler: ((v: T) => void) | null = null;
  return {
    register(h: (v: T) => void) {
      handler = h;
      return () => {
        if (handler === h) handler = null;
      };
    },
    send(v: T): boolean {
      if (!handler) return false;
      handler(v);
      return true;
    },
  };
}

export const speedRequest = handlerOf<Speed>();
export const shortcutsRequest = handlerOf<void>();

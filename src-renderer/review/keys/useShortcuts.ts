import { useEffect, useRef } from 'react';
import { tinykeys } from 'tinykeys';
import { SHORTCUTS, type ActionId } from './keymap.js';
import { startHoldRepeat } from './holdRepeat.js';

export type ActionHandlers = Partial<Record<ActionId, () => void>>;

/** Fields where typing must not trigger shortcuts (the note, the frame box). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * Binds every shortcut of the keymap to its handler on the window. Handlers
 * are read through a ref, so the binding is made once and always calls the
 * latest closure. Step keys repeat while held (see holdRepeat).
 */
export function useShortcuts(handlers: ActionHandlers, repeat: { rateHz: number; ready: () => boolean }): void {
  const ref = useRef({ handlers, repeat });
  ref.current = { handlers, repeat };
  useEffect(() => {
    const stops = new Set<() => void>();
    const bindings: Record<string, (e: KeyboardEvent) => void> = {};
    for (const shortcut of SHORTCUTS) {
      for (const key of shortcut.keys) {
        bindings[key] = (event) => {
          const run = ref.current.handlers[shortcut.id];
          if (!run || (isTyping(event.target) && shortcut.id !== 'cancel')) return;
          event.preventDefault();
          if (!shortcut.repeats) return void (event.repeat ? undefined : run());
          if (event.repeat) return; // our own repeater is already running for this key
          const stop = startHoldRepeat(() => ref.current.handlers[shortcut.id]?.(), event.key, {
            delayMs: 250,
            rateHz: ref.current.repeat.rateHz,
            ready: () => ref.current.repeat.ready(),
          });
          stops.add(stop);
        };
      }
    }
    const unbind = tinykeys(window, bindings);
    return () => {
      unbind();
      stops.forEach((s) => s());
    };
  }, []);
}

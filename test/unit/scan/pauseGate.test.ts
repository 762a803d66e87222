import { describe, expect, it } from 'vitest';
import { PauseGate } from '../../../src-main/scan/pauseGate.js';

const settled = async (p: Promise<unknown>) => {
  let state = 'pending';
  p.then(
    () => {
      state = 'resolved';
    },
    () => {
      state = 'rejected';
    },
  );
  await new Promise((r) => setTimeout(r, 5));
  return state;
};

describe('pause gate', () => {
  it('lets through at once when not paused, and holds until resumed', async () => {
    const gate = new PauseGate();
    expect(await settled(gate.wait())).toBe('resolved');
    gate.pause();
    const held = gate.wait();
    expect(await settled(held)).toBe('pending');
    gate.resume();
    expect(await settled(held)).toBe('resolved');
  });

  it('lets a cancelled job out while paused, and refuses one already cancelled', async () => {
    const gate = new PauseGate();
    gate.pause();
    const controller = new AbortController();
    const held = gate.wait(controller.signal);
    controller.abort();
    expect(await settled(held)).toBe('rejected');
    await expect(gate.wait(controller.signal)).rejects.toThrow();
    gate.resume();
    await expect(gate.wait(controller.signal)).rejects.toThrow();
  });
});

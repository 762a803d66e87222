import { describe, expect, it } from 'vitest';
import { cpuMsPerFrame, readCpuSeconds } from '../../../../tools/bench/cpuAccount.js';

describe('cpuMsPerFrame', () => {
  it('divides the CPU time between two readings by the frames', () => {
    expect(cpuMsPerFrame({ self: 1, children: 2 }, { self: 3, children: 5 }, 1000)).toEqual({ self: 2, children: 3 });
  });

  it('has no figure without both readings or without frames', () => {
    expect(cpuMsPerFrame(null, { self: 1, children: 1 }, 10)).toBeNull();
    expect(cpuMsPerFrame({ self: 1, children: 1 }, null, 10)).toBeNull();
    expect(cpuMsPerFrame({ self: 1, children: 1 }, { self: 2, children: 2 }, 0)).toBeNull();
  });
});

describe('readCpuSeconds', () => {
  it('counts this process’s CPU time as it works on Linux, and has no account elsewhere', () => {
    const before = readCpuSeconds();
    if (process.platform !== 'linux') {
      expect(before).toBeNull();
      return;
    }
    expect(before).not.toBeNull();
    // Spin until the process-wide counter has moved by at least three ticks.
    let after = readCpuSeconds();
    const deadline = Date.now() + 10_000;
    while (after!.self - before!.self < 0.03 && Date.now() < deadline) after = readCpuSeconds();
    expect(after!.self - before!.self).toBeGreaterThanOrEqual(0.03);
    expect(after!.children).toBeGreaterThanOrEqual(before!.children);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MenuCommandSchema } from '../../../src-shared/api/contract.js';
import { PLAYBACK_SPEEDS } from '../../../src-shared/review/speeds.js';
import { actionForMenuCommand, nearestSpeed } from '../../../src-shared/app/windowActions.js';

describe('what the window does for each shell command', () => {
  it('maps every command of the contract', () => {
    const cases = [
      [
        { command: 'open-recordings', paths: ['/e/a.mp4', '/e/b b.mov'] },
        3,
        { kind: 'import-recordings', paths: ['/e/a.mp4', '/e/b b.mov'] },
      ],
      [{ command: 'import-folder', folder: '/e/interviews' }, null, { kind: 'scan-folder', folder: '/e/interviews' }],
      [{ command: 'export-report' }, 7, { kind: 'export-report', recordingId: 7 }],
      [{ command: 'export-report' }, null, { kind: 'export-report', recordingId: null }],
      [{ command: 'set-speed', speed: 1 / 6 }, 7, { kind: 'set-speed', speed: 1 / 6 }],
      [{ command: 'show-shortcuts' }, null, { kind: 'show-shortcuts' }],
    ] as const;
    for (const [command, reviewing, action] of cases)
      expect(actionForMenuCommand(MenuCommandSchema.parse(command), reviewing)).toEqual(action);
    // Every command kind of the contract is covered above.
    const kinds = MenuCommandSchema.options.map((o) => o.shape.command.value);
    expect(new Set(cases.map(([c]) => c.command))).toEqual(new Set(kinds));
  });

  it("keeps the menu's own speeds exactly", () => {
    for (const s of [1, 1 / 2, 1 / 4, 1 / 6, 1 / 8, 1 / 10]) expect(nearestSpeed(s)).toBe(s);
  });

  it('takes any allowed speed to the player speed nearest by ratio (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 4, noNaN: true }), (asked) => {
        const got = nearestSpeed(asked) as number;
        expect(PLAYBACK_SPEEDS).toContain(got);
        for (const s of PLAYBACK_SPEEDS) expect(Math.abs(Math.log(got / asked))).toBeLessThanOrEqual(Math.abs(Math.log(s / asked)) + 1e-12);
      }),
    );
  });
});

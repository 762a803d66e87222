import { EMOTIONS } from '../../../src-shared/analysis/emotions.js';

/**
 * Every review action and its key, declared once: the key handler binds these
 * and the shortcut sheet (?) lists them, so the two cannot disagree. Keys use
 * tinykeys' syntax ($mod is Ctrl, or ⌘ on a Mac).
 */
export type ActionId =
  | 'play'
  | 'stepForward'
  | 'stepBack'
  | 'stepForwardN'
  | 'stepBackN'
  | 'slower'
  | 'faster'
  | 'reviewSpeed'
  | 'firstFrame'
  | 'lastFrame'
  | 'loop'
  | 'goToFrame'
  | 'next'
  | 'previous'
  | 'nextPending'
  | 'queueOrder'
  | 'accept'
  | 'reject'
  | 'setOnset'
  | 'setApex'
  | 'setOffset'
  | 'mark'
  | 'cancel'
  | 'note'
  | 'deleteAnnotation'
  | 'undo'
  | 'redo'
  | 'zoomIn'
  | 'zoomOut'
  | 'help'
  | `label${1 | 2 | 3 | 4 | 5 | 6 | 7}`;

export interface Shortcut {
  id: ActionId;
  keys: string[];
  /** How the key is written on the sheet. */
  label: string;
  description: string;
  group: 'Playback' | 'Queue' | 'Decide' | 'Marks and notes' | 'Timeline' | 'Help';
  /** Held down, it repeats (steps). */
  repeats?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'play',
    keys: ['Space'],
    label: 'Space',
    description: 'Play / pause at the chosen speed (frame by frame: one frame on)',
    group: 'Playback',
  },
  { id: 'stepForward', keys: ['ArrowRight'], label: '→', description: 'Next frame (hold to repeat)', group: 'Playback', repeats: true },
  { id: 'stepBack', keys: ['ArrowLeft'], label: '←', description: 'Previous frame (hold to repeat)', group: 'Playback', repeats: true },
  {
    id: 'stepForwardN',
    keys: ['Shift+ArrowRight'],
    label: 'Shift →',
    description: 'N frames on (hold to repeat; N in the toolbar)',
    group: 'Playback',
    repeats: true,
  },
  {
    id: 'stepBackN',
    keys: ['Shift+ArrowLeft'],
    label: 'Shift ←',
    description: 'N frames back (hold to repeat)',
    group: 'Playback',
    repeats: true,
  },
  { id: 'slower', keys: ['['], label: '[', description: 'Slower', group: 'Playback' },
  { id: 'faster', keys: [']'], label: ']', description: 'Faster', group: 'Playback' },
  { id: 'reviewSpeed', keys: ['s'], label: 'S', description: 'Back to the review speed, 1/6', group: 'Playback' },
  { id: 'firstFrame', keys: ['Home'], label: 'Home', description: 'First frame', group: 'Playback' },
  { id: 'lastFrame', keys: ['End'], label: 'End', description: 'Last frame', group: 'Playback' },
  { id: 'loop', keys: ['l'], label: 'L', description: 'Loop the current candidate (with its margin) on / off', group: 'Playback' },
  { id: 'goToFrame', keys: ['g'], label: 'G', description: 'Go to a frame number', group: 'Playback' },
  { id: 'next', keys: ['n', 'ArrowDown'], label: 'N or ↓', description: 'Next candidate', group: 'Queue' },
  { id: 'previous', keys: ['p', 'ArrowUp'], label: 'P or ↑', description: 'Previous candidate', group: 'Queue' },
  { id: 'nextPending', keys: ['Shift+N'], label: 'Shift N', description: 'Next candidate not yet reviewed', group: 'Queue' },
  {
    id: 'queueOrder',
    keys: ['Shift+O'],
    label: 'Shift O',
    description: 'Queue in time order / by review score (highest first)',
    group: 'Queue',
  },
  { id: 'accept', keys: ['a'], label: 'A', description: 'Accept', group: 'Decide' },
  { id: 'reject', keys: ['r'], label: 'R', description: 'Reject', group: 'Decide' },
  ...EMOTIONS.map((emotion, i) => ({
    id: `label${i + 1}` as ActionId,
    keys: [String(i + 1)],
    label: String(i + 1),
    description: `Label as ${emotion}`,
    group: 'Decide' as const,
  })),
  { id: 'setOnset', keys: ['i'], label: 'I', description: 'Onset = current frame', group: 'Decide' },
  { id: 'setApex', keys: ['x'], label: 'X', description: 'Apex = current frame', group: 'Decide' },
  { id: 'setOffset', keys: ['o'], label: 'O', description: 'Offset = current frame', group: 'Decide' },
  {
    id: 'mark',
    keys: ['m'],
    label: 'M',
    description: 'Mark an interval by hand: press at its onset, then at its offset',
    group: 'Marks and notes',
  },
  { id: 'cancel', keys: ['Escape'], label: 'Esc', description: 'Cancel a mark in progress, close the sheet', group: 'Marks and notes' },
  { id: 'note', keys: ['Enter'], label: 'Enter', description: 'Write a note (Enter saves, Esc leaves)', group: 'Marks and notes' },
  { id: 'deleteAnnotation', keys: ['Delete'], label: 'Delete', description: 'Remove a hand-marked annotation', group: 'Marks and notes' },
  { id: 'undo', keys: ['$mod+z'], label: 'Ctrl Z', description: 'Undo your last action', group: 'Marks and notes' },
  { id: 'redo', keys: ['$mod+Shift+z', '$mod+y'], label: 'Ctrl Shift Z / Ctrl Y', description: 'Redo', group: 'Marks and notes' },
  { id: 'zoomIn', keys: ['='], label: '=', description: 'Zoom the strip in (to single frames)', group: 'Timeline' },
  { id: 'zoomOut', keys: ['-'], label: '-', description: 'Zoom the strip out', group: 'Timeline' },
  { id: 'help', keys: ['Shift+?', '?'], label: '?', description: 'This sheet', group: 'Help' },
];

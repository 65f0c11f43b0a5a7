import type { Library } from '../model/library.js';
import type { CallState, InterruptOffer } from './types.js';

/** An offer plus the index of the frame whose SOP declared it. */
export interface LocatedInterrupt extends InterruptOffer {
  readonly frame: number;
}

/**
 * The interrupts of every SOP on the call stack. When several levels declare a key, the
 * OUTERMOST wins: an emergency interrupt pressed inside a shared sub-SOP (referral, closing)
 * must end the whole call through the calling SOP's emergency path, not return into the
 * caller as if the sub-SOP had finished normally. Keys are listed outermost first.
 */
export function availableInterrupts(library: Library, state: CallState): InterruptOffer[] {
  return locateInterrupts(library, state).map(({ key, label, sop, goto }) => ({ key, label, sop, goto }));
}

export function locateInterrupts(library: Library, state: CallState): LocatedInterrupt[] {
  if (state.status !== 'active') return [];
  const byKey = new Map<string, LocatedInterrupt>();
  state.frames.forEach((frame, index) => {
    for (const interrupt of library.sops.get(frame.sop)?.sop.interrupts ?? []) {
      if (byKey.has(interrupt.key)) continue;
      byKey.set(interrupt.key, { key: interrupt.key, label: interrupt.label, sop: frame.sop, goto: interrupt.goto, frame: index });
    }
  });
  return [...byKey.values()];
}

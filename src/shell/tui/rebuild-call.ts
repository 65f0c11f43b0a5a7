/**
 * Rebuilds an interrupted call's state from its journal: the recorded commands
 * (commandsFromEvents) fed to the engine's `step` from a fresh start. A sensitive answer was
 * never stored in clear, so it cannot be replayed: the rebuild stops there and that step is
 * asked again. Notes whose text is protected do not move the call and are skipped.
 */
import { startCall, step } from '../../core/engine/index.js';
import type { CallState, Refusal } from '../../core/engine/types.js';
import type { Library } from '../../core/model/library.js';
import { commandsFromEvents, type RecordedEvent } from '../../core/record/index.js';

export type Rebuilt =
  | { readonly ok: true; readonly state: CallState; /** Set when a protected answer stopped the rebuild here. */ readonly askAgain?: string }
  | { readonly ok: false; readonly step: string; readonly refusal: Refusal };

export function rebuildCall(library: Library, sop: string, events: readonly RecordedEvent[]): Rebuilt {
  const started = startCall(library, sop);
  if (!started.ok) return { ok: false, step: `${sop}/`, refusal: started.refusal };
  let state = started.state;
  for (const recorded of commandsFromEvents(events)) {
    if (recorded.redacted && recorded.command.type === 'answer') return { ok: true, state, askAgain: recorded.step };
    if (recorded.redacted) continue;
    const result = step(library, state, recorded.command);
    if (!result.ok) return { ok: false, step: recorded.step, refusal: result.refusal };
    state = result.state;
  }
  return { ok: true, state };
}

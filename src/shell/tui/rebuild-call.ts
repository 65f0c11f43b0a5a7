/**
 * Rebuilds an interrupted call's state from its journal: the recorded commands
 * (commandsFromEvents) fed to the engine's `step` from a fresh start. A sensitive answer was
 * never stored in clear, so it cannot be replayed: the rebuild stops there and that step is
 * asked again. Notes whose text is protected do not move the call and are skipped.
 */
import { startCall, step } from '../../core/engine/index.js';
import type { CallState, Command, Refusal } from '../../core/engine/types.js';
import type { Library } from '../../core/model/library.js';
import { commandsFromEvents, type RecordedCommand, type RecordedEvent } from '../../core/record/index.js';

export type Rebuilt =
  | {
      readonly ok: true;
      readonly state: CallState;
      /** Set when a protected answer stopped the rebuild: the step to ask again. */
      readonly askAgain?: string;
      /** The recorded commands after that answer, to re-apply once it is given again (see catchUp). */
      readonly pending?: readonly RecordedCommand[];
    }
  | { readonly ok: false; readonly step: string; readonly refusal: Refusal };

export function rebuildCall(library: Library, sop: string, events: readonly RecordedEvent[]): Rebuilt {
  const started = startCall(library, sop);
  if (!started.ok) return { ok: false, step: `${sop}/`, refusal: started.refusal };
  let state = started.state;
  const commands = commandsFromEvents(events);
  for (const [index, recorded] of commands.entries()) {
    if (recorded.redacted && recorded.command.type === 'answer') {
      return { ok: true, state, askAgain: recorded.step, pending: commands.slice(index + 1) };
    }
    if (recorded.redacted) continue;
    const result = step(library, state, recorded.command);
    if (!result.ok) return { ok: false, step: recorded.step, refusal: result.refusal };
    state = result.state;
  }
  return { ok: true, state };
}

/**
 * After a protected answer was asked again, the rest of the recording is re-applied for as long
 * as it still fits: each recorded command is given at the step it was recorded at. Returns the
 * hook for runInteractiveCall (`autoCommand`): the next command to apply now, or undefined to
 * let the counsellor answer. It stops for good when the call takes another way than the
 * recording (a different answer changed the path), and waits again at the next protected answer.
 */
export function catchUp(askAgain: string, pending: readonly RecordedCommand[], current: (state: CallState) => string | undefined): (state: CallState) => Command | undefined {
  let waitingAt: string | undefined = askAgain;
  const rest = [...pending];
  return (state) => {
    const here = current(state);
    if (waitingAt !== undefined) {
      if (here === waitingAt) return undefined;
      waitingAt = undefined;
    }
    while (rest.length > 0) {
      const next = rest[0] as RecordedCommand;
      // Note texts are protected and notes do not move the call: nothing to re-apply.
      if (next.command.type === 'note') {
        rest.shift();
        continue;
      }
      if (next.step !== here) {
        rest.length = 0;
        return undefined;
      }
      rest.shift();
      if (next.redacted) {
        waitingAt = here;
        return undefined;
      }
      return next.command;
    }
    return undefined;
  };
}

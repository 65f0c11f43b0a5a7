/** Resume after a protected answer was asked again: the rest of the recording re-applied. Pure. */
import type { CallState, Command } from '../engine/types.js';
import type { RecordedCommand } from './commands-from-events.js';

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

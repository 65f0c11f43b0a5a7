import type { Command, EngineEvent, QualifiedStep } from '../engine/types.js';

/** An engine event as recorded: possibly with its sensitive content redacted, with its seq. */
export type RecordedEvent = EngineEvent & { readonly redacted?: true; readonly seq?: number };

/** A command that reproduces part of a recorded call. */
export interface RecordedCommand {
  readonly command: Command;
  /**
   * True when the journal kept "[redacted]" instead of what the counsellor gave: the command
   * cannot reproduce the original (a sensitive answer: ask again; a note: its text is gone).
   */
  readonly redacted: boolean;
  /** The step the command was given at (for back: the step it left). */
  readonly step: QualifiedStep;
  /** The seq of the line it comes from, when known. */
  readonly seq?: number;
}

/**
 * The engine commands that reproduce a recorded call, in order: feeding them to the engine's
 * `step` from the session's start state rebuilds the call (replay, resume).
 *   answer -> answer;  back -> back;  amend -> answer (the engine recorded the `back` that
 *   undid the original answer as its own event, so an amendment is back + answer);
 *   interrupt -> interrupt;  note -> note.
 * step-shown, decision, sop-entered, sop-returned and call-ended follow from the commands.
 */
export function commandsFromEvents(events: readonly RecordedEvent[]): RecordedCommand[] {
  const commands: RecordedCommand[] = [];
  for (const event of events) {
    let command: Command;
    let step: QualifiedStep;
    let redacted = false;
    switch (event.type) {
      case 'answer':
      case 'amend':
        command = { type: 'answer', answer: event.answer };
        redacted = event.redacted === true;
        step = event.step;
        break;
      case 'back':
        command = { type: 'back' };
        step = event.from;
        break;
      case 'interrupt':
        command = { type: 'interrupt', key: event.key };
        step = event.from;
        break;
      case 'note':
        command = event.unfinished ? { type: 'note', text: event.text, unfinished: true } : { type: 'note', text: event.text };
        redacted = event.redacted === true;
        step = event.step;
        break;
      default:
        continue;
    }
    // One object per command (no spread of a `{ seq }` object per event).
    commands.push(event.seq === undefined ? { command, redacted, step } : { command, redacted, step, seq: event.seq });
  }
  return commands;
}

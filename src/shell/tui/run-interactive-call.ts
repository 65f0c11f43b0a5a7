/**
 * The interactive call loop, shared by `sop run`, `sop resume` and `sop train` (same screens,
 * same keys): show the current step, turn key presses into engine commands, hand every engine
 * event to the journal (which makes it durable) BEFORE the next screen appears, and stop when
 * the call ends, the counsellor quits, or a signal arrives. All transitions are the engine's.
 */
import { availableInterrupts } from '../../core/engine/available-interrupts.js';
import { step as engineStep } from '../../core/engine/step.js';
import { waitingAt } from '../../core/engine/waiting-at.js';
import type { CallState, Command, EngineEvent, QualifiedStep, Refusal, StepResult } from '../../core/engine/types.js';
import type { Library } from '../../core/model/library.js';
import type { Lang } from '../i18n.js';
import { handleKey } from './keyboard.js';
import { renderStep } from './render-step.js';
import { TerminalGone, type CallIO } from './terminal.js';
import type { StepView } from './step-view.js';
import { currentView } from './current-view.js';
import { WORDS } from './words.js';

interface CallJournal {
  /** Makes the events durable (written and fsync'd); throws when it cannot. */
  record(events: readonly EngineEvent[]): Promise<void> | void;
}

interface CallClock {
  /** Milliseconds since the call started (monotonic). */
  now(): number;
  /** The wall clock, for "open now" beside directory contacts; without it no opening state is shown. */
  wall?(): Date;
}

export interface CallHooks {
  /** Before a step's first screen; may add lines above the step (e.g. the caller's words). */
  beforeStep?(view: StepView, state: CallState): Promise<{ banner?: readonly string[] } | void> | { banner?: readonly string[] } | void;
  /**
   * Before each step: a command to apply without the counsellor (resume re-applies a recording);
   * undefined waits for keys. A refused one turns this hook off for the rest of the call.
   */
  autoCommand?(state: CallState): Command | undefined;
  /** After the engine accepted a command and its events were recorded. */
  afterCommand?(command: Command, result: Extract<StepResult, { ok: true }>, state: CallState): Promise<void> | void;
}

type InterruptReason = 'quit' | 'sigint' | 'sighup' | 'sigterm';

export type CallEnd =
  | { readonly kind: 'ended'; readonly state: CallState }
  | {
      readonly kind: 'interrupted';
      readonly state: CallState;
      readonly reason: InterruptReason;
      readonly at: QualifiedStep;
      /** A note was being typed: what was typed so far was recorded (marked unfinished) first. */
      readonly unfinishedNote?: true;
    };

export interface InteractiveCallOptions {
  readonly library: Library;
  readonly state: CallState;
  readonly lang: Lang;
  readonly io: CallIO;
  readonly journal: CallJournal;
  readonly clock: CallClock;
  readonly hooks?: CallHooks;
  /** Aborted with reason 'sighup' | 'sigterm' | 'sigint' when the process is told to stop. */
  readonly signal?: AbortSignal;
  /** Redraw period for the call clock in the header (ms); 0 turns it off. */
  readonly tickMs?: number;
  /** Warnings said before the call (pre-call-notices.ts): on every screen until the first key. */
  readonly notices?: readonly string[];
  /** Training: every screen is marked PRACTICE. */
  readonly practice?: boolean;
}

export async function runInteractiveCall(options: InteractiveCallOptions): Promise<CallEnd> {
  const { library, lang, io, journal, clock, hooks, signal } = options;
  let state = options.state;
  let view: StepView | undefined;
  let notices = options.notices ?? [];
  const draw = (): void => {
    const height = io.height?.();
    const shown = notices.length > 0 ? { notices } : {};
    const practice = options.practice ? { practice: true } : {};
    if (view) io.draw(renderStep({ ...view, ...shown, ...practice, elapsedMs: clock.now() }, lang, io.width(), height ? { height } : {}));
  };
  io.onResize?.(draw);
  const tickMs = options.tickMs ?? 1000;
  const timer = tickMs > 0 ? setInterval(draw, tickMs) : undefined;
  timer?.unref();
  /** Gives a command to the engine; records its events before anything else is shown. */
  const apply = async (command: Command): Promise<Refusal | undefined> => {
    const outcome = engineStep(library, state, command);
    if (!outcome.ok) return outcome.refusal;
    await journal.record(outcome.events);
    state = outcome.state;
    await hooks?.afterCommand?.(command, outcome, state);
    return undefined;
  };
  /**
   * Stops the call. A note being typed is not lost: what was typed so far is recorded first,
   * through the same engine command and journal as a finished note, marked unfinished.
   */
  const stop = async (reason: InterruptReason): Promise<CallEnd> => {
    const text = view?.ui.mode === 'note' ? view.ui.note.trim() : '';
    if (text !== '' && (await apply({ type: 'note', text, unfinished: true })) === undefined) {
      return interrupted(state, reason, true);
    }
    return interrupted(state, reason);
  };
  /**
   * What the counsellor entered before pressing an interrupt key is saved first: the ticks of a
   * checklist, the text typed in an input step, recorded as the step's answer (sealed as any
   * answer of the step) before the interrupt, when the engine accepts it and the interrupt is
   * still there after it. Nothing entered (or an answer the engine refuses) saves nothing.
   */
  const saveBeforeInterrupt = async (shown: StepView, key: string): Promise<void> => {
    const ui = shown.ui;
    const entered =
      shown.step.kind === 'checklist' && ui.checked.length > 0
        ? { kind: 'checked' as const, options: shown.step.options.map((o) => o.id).filter((id) => ui.checked.includes(id)) }
        : shown.step.kind === 'input' && ui.line.trim() !== ''
          ? { kind: 'value' as const, raw: ui.line }
          : undefined;
    if (!entered) return;
    const trial = engineStep(library, state, { type: 'answer', answer: entered });
    if (!trial.ok || trial.state.status !== 'active') return;
    if (!availableInterrupts(library, trial.state).some((i) => i.key === key)) return;
    await apply({ type: 'answer', answer: entered });
  };
  try {
    let auto = hooks?.autoCommand !== undefined;
    while (state.status === 'active') {
      const next = auto ? hooks?.autoCommand?.(state) : undefined;
      if (next) {
        if ((await apply(next)) === undefined) continue;
        auto = false;
      }
      view = currentView(library, state, clock.now(), clock.wall?.());
      const extra = await hooks?.beforeStep?.(view, state);
      if (extra?.banner) view = { ...view, banner: extra.banner };
      // Keys pressed before this step was on screen were meant for the previous one (a double
      // Enter must not answer this step unseen).
      io.discardPending?.();
      for (;;) {
        if (signal?.aborted) return await stop(reasonOf(signal));
        draw();
        let key;
        try {
          key = await io.nextKey();
          notices = [];
        } catch (error) {
          if (signal?.aborted) return await stop(reasonOf(signal));
          if (error instanceof TerminalGone) return await stop('sighup');
          throw error;
        }
        const result = handleKey(view, key);
        view = { ...view, ui: result.ui };
        const action = result.action;
        if (!action) continue;
        if (action.type === 'sigint') return await stop('sigint');
        if (action.type === 'quit') return interrupted(state, 'quit');
        if (action.command.type === 'interrupt') await saveBeforeInterrupt(view, action.command.key);
        const refusal = await apply(action.command);
        if (refusal) {
          view = { ...view, ui: { ...view.ui, message: { text: refusal.message, tone: 'warn' } } };
          continue;
        }
        if (action.command.type === 'note' && state.status === 'active') {
          view = { ...view, ui: { ...view.ui, message: { text: WORDS.noteSaved, tone: 'info' } } };
          continue;
        }
        break;
      }
    }
    return { kind: 'ended', state };
  } finally {
    if (timer) clearInterval(timer);
  }
}

function interrupted(state: CallState, reason: InterruptReason, unfinishedNote = false): CallEnd {
  const end = { kind: 'interrupted', state, reason, at: waitingAt(state) } as const;
  return unfinishedNote ? { ...end, unfinishedNote: true } : end;
}

function reasonOf(signal: AbortSignal): InterruptReason {
  const reason: unknown = signal.reason;
  return reason === 'sighup' || reason === 'sigint' || reason === 'quit' ? reason : 'sigterm';
}


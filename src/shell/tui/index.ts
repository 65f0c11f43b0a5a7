/**
 * The counsellor's terminal UI, for the drivers that show a call (run, resume, train):
 * same screens, same keys. See docs/running-a-call.md.
 */
export { runInteractiveCall, type CallEnd, type CallHooks, type CallJournal, type CallClock, type InteractiveCallOptions, type InterruptReason } from './run-interactive-call.js';
export { runLiveCall, type LiveCallOptions } from './live-call.js';
export { renderStep, type RenderOptions } from './render-step.js';
export { renderSummary, outcomeLabel, type SummaryInfo } from './render-summary.js';
export { handleKey, editLine, type Key, type KeyAction, type KeyResult } from './keys.js';
export { openTerminal, type CallIO } from './terminal.js';
export { currentView } from './current-view.js';
export { initialUi, type StepView, type UiState, type UiMode, type InterruptKey } from './step-view.js';
export { safeText, safeLine } from '../text/safe-text.js';
export { wrap, clockText } from '../text/wrap.js';
export { openLibrary, sopChoices } from './open-library.js';
export { reachableSopFiles } from './reachable-sops.js';

/** Sessions from journal events (pure): grouping, the commands that reproduce a call, summaries. */
export * from './journal-line.js';
export type { RecordedSession, SessionStatus } from './recorded-session.js';
export { groupSessions, byStart } from './group-sessions.js';
export { commandsFromEvents, type RecordedCommand, type RecordedEvent } from './commands-from-events.js';
export { summarise, type SessionSummary } from './summarise.js';
export { findSession, type SessionLookup } from './find-session.js';
export { feedRecording, type FedAnswer, type FedRecording, type FeedStop } from './feed-recording.js';
export { rebuildCall, type Rebuilt } from './rebuild-call.js';
export { catchUp } from './catch-up.js';

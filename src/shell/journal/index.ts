/** The journal on disk: writing sessions, reading them back, verifying the hash chain. */
export { openSessionWriter, openSessionWriterFor, type SessionWriter, type SessionWriterOptions, type JournalFs } from './writer.js';
export { readJournal, readJournalFile, type JournalContents, type JournalFileContents, type RecordedSessionIn } from './reader.js';
export { JournalWriteError, JournalLockedError } from './errors.js';
export { protect, type ProtectedEvent } from './protect.js';
export { journalDir, monthFile, listJournalFiles } from './files.js';

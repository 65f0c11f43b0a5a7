import { didYouMean } from '../findings/did-you-mean.js';
import type { RecordedSession } from './recorded-session.js';

export type SessionLookup<S extends RecordedSession> =
  | { readonly kind: 'found'; readonly session: S }
  /** Several sessions start with what was given. */
  | { readonly kind: 'ambiguous'; readonly matches: readonly S[] }
  /** None matches; `close` are ids a typo away or of the same day, most recent last. */
  | { readonly kind: 'unknown'; readonly close: readonly S[] };

/** A session by its id or a unique prefix of it (`20261129-1302-k3f9`, `k3f9` also matches the end). */
export function findSession<S extends RecordedSession>(sessions: readonly S[], id: string): SessionLookup<S> {
  const exact = sessions.find((session) => session.id === id);
  if (exact) return { kind: 'found', session: exact };
  const matches = sessions.filter((session) => session.id.startsWith(id) || (id.length >= 4 && session.id.endsWith(`-${id}`)));
  if (matches.length === 1) return { kind: 'found', session: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', matches };
  const typo = didYouMean(id, sessions.map((session) => session.id));
  const sameDay = id.length >= 8 ? sessions.filter((session) => session.id.slice(0, 8) === id.slice(0, 8)) : [];
  const close = [...new Set([...sameDay.slice(-5), ...sessions.filter((session) => session.id === typo)])];
  return { kind: 'unknown', close };
}

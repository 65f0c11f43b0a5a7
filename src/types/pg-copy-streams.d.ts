/**
 * The part of pg-copy-streams (which ships no types) that the store uses: `from(sql)` makes a
 * query for `client.query()` that is a Writable; the bytes written are COPY's input, and the
 * stream finishes once the server has taken them all (or errors with the server's error).
 */
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  import type { Submittable } from 'pg';

  export interface CopyStreamQuery extends Writable, Submittable {
    /** Rows the server reported copied, once finished. */
    rowCount: number;
  }
  export function from(sql: string): CopyStreamQuery;
}

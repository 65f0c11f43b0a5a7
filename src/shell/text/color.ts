/**
 * The chalk instance for test and replay output. chalk 5 honours FORCE_COLOR and whether the
 * stream is a terminal, but not NO_COLOR (no-color.org): here NO_COLOR (non-empty) turns colour
 * off, unless FORCE_COLOR is set (it wins, as in Node itself).
 */
import chalk, { Chalk, chalkStderr, type ChalkInstance } from 'chalk';

export function colorFor(stream: 'stdout' | 'stderr', env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  if (env['FORCE_COLOR'] === undefined && env['NO_COLOR']) return new Chalk({ level: 0 });
  return stream === 'stdout' ? chalk : chalkStderr;
}

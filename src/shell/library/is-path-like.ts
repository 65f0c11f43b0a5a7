/**
 * Whether a command-line word names a file or folder rather than an id (`first-contact`,
 * `safe-to-talk-basic`): it has a path separator, a YAML extension, or is `.` or `..`. One rule
 * for `sop run`, `sop train` and every other command that takes either.
 */
export function isPathLike(arg: string): boolean {
  return arg.includes('/') || arg.includes('\\') || /\.ya?ml$/.test(arg) || arg === '.' || arg === '..';
}

/**
 * How the training texts are styled and cleaned, passed in by the shell (chalk, and the
 * terminal-safe text filter): the core formats, it never touches a terminal.
 */
export interface TextStyle {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  /** Makes text from files (SOPs, scenarios, the journal) safe for one line on a terminal. */
  readonly clean: (text: string) => string;
}

const same = (text: string): string => text;

/** No colour, no cleaning (tests, JSON). */
export const PLAIN: TextStyle = { bold: same, dim: same, red: same, green: same, yellow: same, clean: same };

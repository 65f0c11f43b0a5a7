/**
 * A text tree (`sop graph --format text`) fitted to the terminal: a line wider than the columns
 * wraps, and its continuation lines keep the tree's guides ("│  ") so the branch it belongs to
 * stays readable. A branch nested so deep that its guides would leave less than 40 columns
 * shows only the innermost guides after a "⋯" (like a view scrolled to the right), so its text
 * still reads in full. `--wide` or a pipe shows every line as it is.
 */
import { displayWidth, wrap } from '../text/wrap.js';

/** Columns kept for a line's text (room for the longest step ids); the guides get the rest. */
const minText = (columns: number): number => Math.min(40, columns - 16);
const GUIDES = /^[│├└─ ]*/u;

export function fitTree(text: string, columns: number | undefined): string {
  if (columns === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => fitTreeLine(line, columns))
    .join('\n');
}

function fitTreeLine(line: string, columns: number): string[] {
  if (displayWidth(line) <= columns) return [line];
  const guides = shortened(GUIDES.exec(line)?.[0] ?? '', columns - minText(columns) - 2);
  const room = columns - displayWidth(guides) - 2;
  // Under a branch ("├─"/"└─") the text goes on beside the branch's own guide.
  const carry = `${guides.replace(/├─/gu, '│ ').replace(/└─/gu, '  ')}  `;
  const [first = '', ...rest] = wrap(line.slice(GUIDES.exec(line)?.[0].length ?? 0), room);
  return [`${guides}${first}`, ...rest.map((part) => `${carry}${part}`)];
}

/** The innermost `max` columns of the guides, after "⋯" when some were left out (guides are one column each). */
function shortened(guides: string, max: number): string {
  return guides.length <= max ? guides : `⋯${guides.slice(guides.length - (max - 1))}`;
}

/**
 * A table of text cells that fits the terminal: in a terminal narrower than the table, the
 * widest columns named shrinkable are cut with "…" until every row fits; below 60 columns (or
 * when even the cut columns cannot fit) the rows are stacked instead ("HEADER  value" per
 * line). Piped output and `--wide` keep every value whole (give `columns` undefined). Widths
 * are display columns (text/wrap.ts).
 */
import { displayWidth, padDisplay, truncate } from '../text/wrap.js';

const STACK_BELOW = 60;
const GAP = 2;
/** The narrowest a shrinking column gets: enough to recognise a value by its beginning. */
const MIN_CELL = 8;

export function fitTable(rows: readonly (readonly string[])[], columns: number | undefined, shrinkable: readonly number[]): string {
  const [header, ...body] = rows;
  if (!header) return '';
  const widths = header.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? ''))));
  const total = (): number => widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1);
  if (columns !== undefined && columns < STACK_BELOW && total() > columns) return stacked(header, body, columns);
  if (columns !== undefined) {
    // One column at a time from the widest shrinkable one, so the cuts share out evenly.
    for (let over = total() - columns; over > 0; over--) {
      const widest = shrinkable.filter((c) => (widths[c] ?? 0) > MIN_CELL).sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0))[0];
      if (widest === undefined) return stacked(header, body, columns);
      widths[widest] = (widths[widest] ?? 0) - 1;
    }
  }
  return rows
    .map((row) =>
      row
        .map((cell, column) => {
          const cut = displayWidth(cell) > (widths[column] ?? 0) ? truncate(cell, widths[column] ?? 0) : cell;
          return column === row.length - 1 ? cut : padDisplay(cut, widths[column] ?? 0);
        })
        .join(' '.repeat(GAP))
        .trimEnd(),
    )
    .join('\n');
}

function stacked(header: readonly string[], body: readonly (readonly string[])[], columns: number): string {
  const label = Math.max(...header.map(displayWidth));
  return body
    .map((row) => row.map((cell, column) => truncate(`${padDisplay(header[column] ?? '', label)}  ${cell}`, columns)).join('\n'))
    .join('\n\n');
}

/** Statistics from recorded sessions (pure): figures, the small-count rule, and their formats. */
export { CallTally, computeFigures, FigureTally, inPeriod, type CallClose, type FigureOptions } from './compute-figures.js';
export type { Count, Figures, Spread, StepTime } from './figures.js';
export { NOT_RECORDED, UNFINISHED, CRASH, UNKNOWN } from './figures.js';
export { spread } from './spread.js';
export { isIsoDate } from './iso-date.js';
export { SMALL, HIDDEN, shownCount, spreadShown } from './small-counts.js';
export { formatTable, type TableOptions } from './format-table.js';
export { formatJson } from './format-json.js';
export { formatCsv } from './format-csv.js';
export { bar } from './bar.js';
export { formatDuration, formatSeconds } from './format-duration.js';
export { SW, sw } from './stats-words.js';
export { namesFromLibrary, labelOf, NO_NAMES, type Names } from './names.js';

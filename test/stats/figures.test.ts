import { beforeAll, describe, expect, it } from 'vitest';
import { bar } from '../../src/core/stats/bar.js';
import { computeFigures } from '../../src/core/stats/compute-figures.js';
import { formatCsv } from '../../src/core/stats/format-csv.js';
import { formatJson } from '../../src/core/stats/format-json.js';
import { formatTable } from '../../src/core/stats/format-table.js';
import { isIsoDate } from '../../src/core/stats/iso-date.js';
import { shownCount } from '../../src/core/stats/small-counts.js';
import { spread } from '../../src/core/stats/spread.js';
import type { Figures } from '../../src/core/stats/figures.js';
import { readJournal } from '../../src/shell/journal/reader.js';
import { standardJournal } from './make-journal.js';

let dataDir: string;
let november: Figures;

beforeAll(async () => {
  dataDir = await standardJournal();
  const { sessions, notices } = readJournal(dataDir, 'live');
  expect(notices).toEqual([]);
  november = computeFigures(sessions, { mode: 'live', since: '2026-11-01', until: '2026-11-30' });
});

describe('spread', () => {
  it('median of an odd count is the middle value; of an even count the mean of the two middle ones', () => {
    expect(spread([5, 1, 3])).toEqual({ n: 3, medianMs: 3, p90Ms: 5 });
    expect(spread([4, 1, 3, 2])).toEqual({ n: 4, medianMs: 3, p90Ms: 4 }); // (2+3)/2 = 2.5 -> rounds to 3
  });
  it('90th percentile is the nearest rank: the ceil(0.9 n)-th smallest', () => {
    const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(spread(ten).p90Ms).toBe(90);
    expect(spread([...ten, 110]).p90Ms).toBe(100); // ceil(9.9) = 10th
    expect(spread([7]).p90Ms).toBe(7);
  });
  it('no values: no median', () => expect(spread([])).toEqual({ n: 0 }));
});

describe('dates and small counts', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    for (const good of ['2026-11-01', '2024-02-29']) expect(isIsoDate(good)).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-1', '01.11.2026', '2026-11-01T00:00', '']) expect(isIsoDate(bad)).toBe(false);
  });
  it('hides 1 to 4, shows 0 and 5 up', () => {
    expect([0, 1, 4, 5, 17].map((n) => shownCount(n))).toEqual([0, '<5', '<5', 5, 17]);
    expect(shownCount(3, true)).toBe(3);
  });
  it('bars scale to the largest count, with eighth blocks or ASCII', () => {
    expect(bar(10, 10, 4, false)).toBe('████');
    expect(bar(5, 10, 3, false)).toBe('█▌');
    expect(bar(5, 10, 4, true)).toBe('##');
    expect(bar(0, 10, 4, false)).toBe('');
  });
});

describe('figures from a journal written by the journal writer', () => {
  it('counts calls, completion and reasons', () => {
    expect(november.calls).toBe(12);
    expect(november.completed).toBe(10);
    expect(november.unfinished).toBe(2);
    expect(november.unfinishedBy).toEqual([
      { key: 'crash', count: 1 },
      { key: 'sigint', count: 1 },
    ]);
    expect(november.first).toBe('2026-11-01');
    expect(november.last).toBe('2026-11-12');
  });
  it('counts by SOP, by statistic dimension (with calls that did not answer) and by outcome', () => {
    expect(november.bySop).toEqual([
      { key: 'first-contact', count: 9 },
      { key: 'emergency', count: 3 },
    ]);
    expect(november.byStat['call-type']).toEqual([
      { key: 'job-offer', count: 6 },
      { key: 'victim', count: 4 },
      { key: '(not recorded)', count: 2 },
    ]);
    expect(november.byStat['caller-role']).toEqual([
      { key: 'self', count: 7 },
      { key: 'relative', count: 5 },
    ]);
    expect(november.byOutcome).toEqual([
      { key: 'first-contact/informed', count: 5 },
      { key: 'first-contact/referred', count: 4 },
      { key: '(unfinished)', count: 2 },
      { key: 'emergency/referred', count: 1 },
    ]);
  });
  it('never counts a redacted (sensitive) answer as a statistic value', () => {
    expect(november.byStat['name']).toBeUndefined();
    expect(JSON.stringify(november)).not.toContain('Olena');
  });
  it('durations of completed calls: exact median and 90th percentile', () => {
    // 1..10 minutes: median (5+6)/2 = 5.5 min, p90 = 9th smallest = 9 min.
    expect(november.duration).toEqual({ n: 10, medianMs: 330_000, p90Ms: 540_000 });
  });
  it('median time from a step shown to its answer', () => {
    const greeting = november.stepTimes.find((t) => t.step === 'first-contact/greeting');
    expect(greeting).toEqual({ step: 'first-contact/greeting', n: 9, medianMs: 5000, p90Ms: 9000 });
    const emergency = november.stepTimes.find((t) => t.step === 'emergency/greeting');
    expect(emergency?.n).toBe(3);
    expect(november.stepTimes.find((t) => t.step === 'first-contact/call-type')).toMatchObject({ n: 9, medianMs: 2000 });
  });
  it('amendments per step', () => {
    expect(november.amendments).toEqual([
      { key: 'first-contact/caller-role', count: 5 },
      { key: 'first-contact/call-type', count: 3 },
    ]);
  });
  it('limits by the UTC day the call started, both ends inclusive', () => {
    const { sessions } = readJournal(dataDir, 'live');
    expect(computeFigures(sessions, { mode: 'live' }).calls).toBe(14);
    expect(computeFigures(sessions, { mode: 'live', until: '2026-10-31' }).calls).toBe(2);
    expect(computeFigures(sessions, { mode: 'live', since: '2026-10-31', until: '2026-11-01' }).calls).toBe(2);
    expect(computeFigures(sessions, { mode: 'live', since: '2026-11-12' }).calls).toBe(1);
  });
});

describe('output formats hide small counts', () => {
  it('table: "<5" for counts 1-4, no bar for them, times over fewer than 5 values left out', () => {
    const table = formatTable(november, { lang: 'en', chart: true, ascii: false, width: 100 });
    expect(table).toMatch(/^ {2}victim +<5$/m);
    expect(table).toMatch(/^ {2}job-offer +6  █+/m);
    expect(table).toMatch(/^ {2}emergency +<5$/m);
    expect(table).toContain('median 5:30 · 90th percentile 9:00');
    expect(table).toMatch(/first-contact\/greeting +5\.0 s {2}\(9 answers\)/);
    expect(table).not.toContain('emergency/greeting');
    expect(table).toMatch(/^ {2}first-contact\/call-type +<5$/m);
    expect(table).toContain('shown as "<5"');
  });
  it('json: "<5" and null by default, exact with raw', () => {
    const hidden = JSON.parse(formatJson(november));
    expect(hidden.byStat['call-type']).toContainEqual({ key: 'victim', count: '<5' });
    expect(hidden.stepTimes).toContainEqual({ step: 'emergency/greeting', n: '<5', medianMs: null, p90Ms: null });
    const raw = JSON.parse(formatJson(november, true));
    expect(raw.byStat['call-type']).toContainEqual({ key: 'victim', count: 4 });
    expect(raw.stepTimes).toContainEqual({ step: 'emergency/greeting', n: 3, medianMs: 11000, p90Ms: 12000 });
  });
  it('csv: always hidden', () => {
    const csv = formatCsv(november);
    expect(csv.split('\r\n')[0]).toBe('section,key,value,label');
    expect(csv).toContain('stat:call-type,victim,<5,\r\n');
    expect(csv).toContain('duration,median_ms,330000,\r\n');
    expect(csv).not.toContain('emergency/greeting');
  });
  it('Ukrainian table', () => {
    expect(formatTable(november, { lang: 'uk' })).toContain('медіана 5:30 · 90-й процентиль 9:00');
  });
});

/**
 * Every shipped SOP walked in a real pseudo-terminal, read through a terminal emulator
 * (@xterm/headless): at 80x24, and at 60x24 by resizing the same terminal at each step (one walk
 * per SOP and language keeps the suite short on 2 cores). On every screen: the header, the
 * question's first words, the cursor line and the keys are on the visible screen, and no line is
 * wider than the terminal (the emulator marks a line that overflowed as wrapped). The end of the
 * call fits in 24 rows. The walk reads whatever the library contains: no fixed step lists.
 */
import { spawn as spawnPty, type IPty } from '@lydell/node-pty';
import { Terminal } from '@xterm/headless';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readLines } from './journal-lines.js';
import { BIN, KEY, ROOT, tempHomePerTest, type TempHome } from './pty.js';

const SOPS = join(ROOT, 'sops');
let home: () => TempHome = () => {
  throw new Error('call useHomes() first');
};
/** Each test file: temporary homes removed after each test. */
export function useHomes(): void {
  home = tempHomePerTest();
}
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type Text = string | { en?: string; uk?: string };
interface StepYaml {
  kind: string;
  text?: Text;
  options?: { id: string }[];
  input?: { type: string; min?: number; optional?: boolean };
}
interface SopYaml {
  sop: string;
  steps: Record<string, StepYaml>;
}

const sops = new Map<string, SopYaml>();
for (const file of readdirSync(SOPS)
  .filter((f) => f.endsWith('.sop.yaml'))
  .sort()) {
  const sop = parse(readFileSync(join(SOPS, file), 'utf8')) as SopYaml;
  sops.set(sop.sop, sop);
}

const textIn = (text: Text | undefined, lang: 'en' | 'uk'): string => (typeof text === 'string' ? text : (text?.[lang] ?? text?.en ?? ''));

/** A terminal: the program in a pty, its output fed to an emulator. */
class Screen {
  readonly term: Terminal;
  readonly pty: IPty;
  exit: number | undefined;
  private last = Date.now();
  private pending = Promise.resolve();

  /**
   * After a key: waits for the screen it brings (another step in the header, the end of the
   * call, or — for a step shown again — a moment), then for quiet. New output alone is not
   * enough: the call clock redraws the old screen every second.
   */
  async answered(timeout = 2500, recordedBefore?: number): Promise<void> {
    const stepOf = (): string => /([a-z0-9-]+\/[a-z0-9-]+)(?:…)? · \d\d:\d\d/.exec(this.rows()[0]?.text ?? '')?.[1] ?? '';
    const before = stepOf();
    const deadline = Date.now() + timeout;
    // Given the journal's size before the key, an answer is also seen by its journal line: a step
    // shown again (a menu loop) keeps its header, and waiting out the timeout there cost seconds.
    const recorded = (): boolean => recordedBefore !== undefined && this.journalBytes() > recordedBefore;
    while (stepOf() === before && !recorded() && this.inCall() && this.exit === undefined && Date.now() < deadline) {
      await sleep(20);
      await this.pending;
    }
    // The line is written before the screen it leads to: wait for output after it, then quiet.
    if (stepOf() === before && recorded()) {
      const seen = Date.now();
      while (this.last < seen && this.inCall() && this.exit === undefined && Date.now() < deadline) await sleep(10);
    }
    await this.settle();
  }

  /** Bytes in the call journals so far (every answer appends a line there before the next screen). */
  journalBytes(): number {
    const dir = join(this.dataDir, 'journal', 'calls');
    if (!existsSync(dir)) return 0;
    return readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl'))
      .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  }

  private readonly dataDir: string;

  constructor(args: readonly string[], h: TempHome, cols: number, rows: number) {
    this.dataDir = h.dataDir;
    this.term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 200 });
    this.pty = spawnPty(process.execPath, [BIN, ...args], {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', TERM: 'xterm-256color', LANG: 'C.UTF-8', ...h.env },
    });
    this.pty.onData((data) => {
      this.last = Date.now();
      this.pending = this.pending.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
    });
    this.pty.onExit(({ exitCode }) => {
      this.exit = exitCode;
    });
  }

  /** Waits until the program has been quiet for a moment (or exited), and the emulator caught up. */
  async settle(quietMs = 80, timeout = 8000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (Date.now() - this.last < quietMs && Date.now() < deadline && this.exit === undefined) await sleep(20);
    await this.pending;
  }

  /** The visible rows, and for each whether it continues the row above (an overflowed line). */
  rows(): { text: string; wrapped: boolean }[] {
    const buffer = this.term.buffer.active;
    const out: { text: string; wrapped: boolean }[] = [];
    for (let y = 0; y < this.term.rows; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      out.push({ text: line?.translateToString(true) ?? '', wrapped: line?.isWrapped ?? false });
    }
    return out;
  }

  /** Every row written so far on the main screen (scrollback included). */
  allRows(): string[] {
    const buffer = this.term.buffer.normal;
    const out: string[] = [];
    for (let y = 0; y < buffer.length; y++) out.push(buffer.getLine(y)?.translateToString(true) ?? '');
    return out;
  }

  /** The call's screens are up (the alternate screen); false once the call ended. */
  inCall(): boolean {
    return this.term.buffer.active.type === 'alternate';
  }

  /** Waits for the first screen of the call (its header's step id). */
  async started(timeout = 15_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!/\/[a-z0-9-]+(…)? · \d\d:\d\d/.test(this.rows()[0]?.text ?? '') && Date.now() < deadline && this.exit === undefined) {
      await sleep(30);
      await this.pending;
    }
    await this.settle();
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.pty.write(key);
      await sleep(key === KEY.escape ? 600 : 30);
    }
  }

  async resize(cols: number, rows: number): Promise<void> {
    this.pty.resize(cols, rows);
    this.term.resize(cols, rows);
    await sleep(30);
    await this.settle();
  }
}

const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Checks one step screen at the terminal's current size; returns the step shown ("sop/step"). */
function checkScreen(screen: Screen, lang: 'en' | 'uk', cols: number): string {
  const rows = screen.rows();
  const where = `at ${cols} columns:\n${rows.map((r) => r.text).join('\n')}`;
  expect(
    rows.filter((r) => r.wrapped),
    `a line wider than the terminal ${where}`,
  ).toEqual([]);
  const header = rows[0]?.text ?? '';
  const id = /([a-z0-9-]+)\/([a-z0-9-]+)(?:…)? · \d\d:\d\d/.exec(header);
  expect(id, `the header with the step id ${where}`).not.toBeNull();
  const [, sopId, stepId] = id as RegExpExecArray;
  const step = sops.get(sopId as string)?.steps[stepId as string];
  expect(step, `step ${sopId}/${stepId} in the library`).toBeDefined();
  const visible = words(rows.map((r) => r.text).join(' '));
  // The question: its first words are on the screen.
  // Words before the first reference ({contact:id}, {name}): what a reference renders to differs.
  const question = words(textIn(step?.text, lang).split('{')[0]!).split(' ').slice(0, 3).join(' ');
  expect(visible, `the question "${question}" ${where}`).toContain(question);
  // The cursor line: the highlighted option, or the answer line.
  if (step?.kind === 'ask' || step?.kind === 'checklist')
    expect(
      rows.some((r) => r.text.startsWith('❯')),
      `the cursor ${where}`,
    ).toBe(true);
  if (step?.kind === 'input')
    expect(
      rows.some((r) => /^(Answer|Відповідь): /.test(r.text)),
      `the answer line ${where}`,
    ).toBe(true);
  expect(
    rows.some((r) => /q (quit|вийти)/.test(r.text)),
    `the keys ${where}`,
  ).toBe(true);
  return `${sopId}/${stepId}`;
}

function answerFor(step: StepYaml, visits: number): string[] {
  if (step.kind === 'ask') {
    // First option the first time; a step seen again (a menu loop) takes the last one.
    const count = step.options?.length ?? 1;
    return visits === 0 ? [KEY.enter] : [...Array<string>(Math.min(count, 9) - 1).fill(KEY.down), KEY.enter];
  }
  if (step.kind === 'checklist') return ['1', KEY.enter];
  if (step.kind === 'input') {
    const input = step.input;
    if (input?.optional) return [KEY.enter];
    if (input?.type === 'int') return [String(input.min ?? 1), KEY.enter];
    if (input?.type === 'bool') return ['no', KEY.enter];
    return ['Kyiv', KEY.enter];
  }
  return [KEY.enter];
}

const MAX_STEPS = 60;
/** A walk of the longest SOP takes about 25 s on an idle machine; the pty suite runs beside others on 2 cores. */
const WALK_TIMEOUT = 180_000;

/** The walks of one language (one test file per language: the two run side by side). */
export function walkEverySop(lang: 'en' | 'uk'): void {
  describe(`every shipped SOP fits 80x24 and 60x24 (${lang})`, () => {
    it.each([...sops.keys()])('%s', async (sopId) => {
      const h = home();
      const screen = new Screen(['run', sopId, '--sops', SOPS, '--lang', lang, '--operator', 'walker'], h, 80, 24);
      try {
        const visits = new Map<string, number>();
        let tallest = 0;
        await screen.started();
        for (let n = 0; n < MAX_STEPS && screen.exit === undefined && screen.inCall(); n++) {
          const at = checkScreen(screen, lang, 80);
          tallest = Math.max(tallest, screen.rows().filter((r) => r.text !== '').length);
          await screen.resize(60, 24);
          expect(checkScreen(screen, lang, 60)).toBe(at);
          await screen.resize(80, 24);
          const [sop, id] = at.split('/') as [string, string];
          const step = sops.get(sop)?.steps[id] as StepYaml;
          const seen = visits.get(at) ?? 0;
          visits.set(at, seen + 1);
          if (seen > 3) break;
          const keys = answerFor(step, seen);
          for (const key of keys.slice(0, -1)) {
            if (key.length > 1 && !key.startsWith('\u001b')) {
              for (const ch of key) await screen.press(ch);
            } else await screen.press(key);
          }
          await screen.settle();
          const recordedBefore = screen.journalBytes();
          await screen.press(keys.at(-1) as string);
          await screen.answered(2500, recordedBefore);
        }
        if (screen.exit === undefined) {
          await screen.press(KEY.ctrlC);
          for (let i = 0; i < 100 && screen.exit === undefined; i++) await sleep(50);
        }
        await screen.settle();
        // The end of the call: from its title to the journal line, within 24 rows, none overflowing.
        const all = screen.allRows();
        const title = all.findIndex((r) => /^(Call summary|Call interrupted|Підсумок дзвінка|Дзвінок перервано)$/.test(r));
        const journal = all.findIndex((r, i) => i > title && /^(Journal|Журнал): /.test(r));
        expect(title, all.join('\n')).toBeGreaterThanOrEqual(0);
        expect(journal - title + 1, all.slice(title, journal + 1).join('\n')).toBeLessThanOrEqual(20);
        expect(screen.exit === 0 || screen.exit === 130).toBe(true);
        expect(tallest).toBeLessThanOrEqual(24);
        // For the closing note's figures: SOP_SCREEN_FIT_REPORT=FILE collects the tallest step screen
        // of each walk and the rows of its end-of-call summary.
        const report = process.env['SOP_SCREEN_FIT_REPORT'];
        if (report) appendFileSync(report, `${lang} ${sopId} tallest=${tallest} summary=${journal - title + 1} screens=${[...visits.values()].reduce((a, b) => a + b, 0)}\n`);
      } finally {
        screen.pty.kill();
        screen.term.dispose();
      }
    }, WALK_TIMEOUT);
  });
}

/** The interrupt test (run by the English file). */
export function interruptKeepsTicks(): void {
  describe('an interrupt keeps what was entered', () => {
    it('ticks indicators, presses !, and finds the ticks in the journal before the interrupt', async () => {
      const h = home();
      const screen = new Screen(['run', 'possible-victim', '--sops', SOPS, '--operator', 'walker'], h, 80, 24);
      try {
        await screen.started();
        for (let n = 0; n < 20 && !/\/indicators /.test(screen.rows()[0]?.text ?? ''); n++) {
          await screen.press(KEY.enter);
          await screen.answered();
        }
        expect(screen.rows()[0]?.text).toMatch(/possible-victim\/indicators/);
        await screen.press('1', '2', '3');
        await screen.settle();
        await screen.press('4');
        await screen.answered();
        expect(screen.rows().some((r) => r.text.includes('4 ticked'))).toBe(true);
        await screen.press('!');
        await screen.answered();
        expect(screen.rows()[0]?.text).toMatch(/emergency\//);
        await screen.press(KEY.ctrlC);
        for (let i = 0; i < 100 && screen.exit === undefined; i++) await sleep(50);
        expect(screen.exit).toBe(130);
        const types = readLines(h.dataDir).map((l) => l.json);
        const ticks = types.findIndex((e) => e.type === 'answer' && e['step'] === 'possible-victim/indicators');
        const interrupt = types.findIndex((e) => e.type === 'interrupt');
        expect(ticks).toBeGreaterThan(0);
        expect(interrupt).toBeGreaterThan(ticks);
        // Sealed on disk (the step is sensitive): no indicator id in clear.
        expect(JSON.stringify(types[ticks])).not.toContain('deception');
      } finally {
        screen.pty.kill();
        screen.term.dispose();
      }
    }, WALK_TIMEOUT);
  });
}

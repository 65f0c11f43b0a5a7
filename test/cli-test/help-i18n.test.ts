/**
 * `--help` in Ukrainian and English, through the built binary: every command's help (found by
 * walking the Commands lists, so a new command is covered without editing this test) is in
 * Ukrainian with LANG=uk_UA.UTF-8 or --lang uk, and stays English with LANG=C.
 */
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { sop, type SopResult } from './run-sop.js';

const CYRILLIC = /[\u0400-\u04ff]/;
const UK = { LANG: 'uk_UA.UTF-8' };
/** The item lists whose every entry needs a description, English heading and Ukrainian. */
const LISTS = [
  ['Arguments:', 'Аргументи:'],
  ['Options:', 'Параметри:'],
  ['Commands:', 'Команди:'],
] as const;

/** A help's item lists: heading -> (first word of the term -> description, wrapped lines joined). */
function helpItems(help: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let items: Map<string, string> | undefined;
  let last: string | undefined;
  for (const line of help.split('\n')) {
    if (/^\S.*:$/.test(line)) {
      items = new Map();
      sections.set(line, items);
      last = undefined;
    } else if (line.trim() === '') {
      items = undefined;
    } else if (items && /^ {2}\S/.test(line)) {
      const [term = '', description = ''] = line.trim().split(/ {2,}/);
      last = term.split(/[ ,]/)[0]!;
      items.set(last, description);
    } else if (items && last !== undefined) {
      items.set(last, `${items.get(last)} ${line.trim()}`);
    }
  }
  return sections;
}

/** Lines of the "Examples:" / "Приклади:" block: [the command, its comment if any]. */
function examples(help: string, heading: string): string[][] {
  const lines = help.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  // A comment wrapped to the width continues on lines indented deeper than the commands.
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^ {3,}\S/.test(line) && rows.length > 0) rows[rows.length - 1]![1] += ` ${line.trim()}`;
    else if (line.startsWith('  ')) rows.push(line.trim().split(/ {2,}/));
  }
  return rows;
}

describe('sop --help in Ukrainian and English', () => {
  const paths: string[][] = [[]];
  const english = new Map<string, SopResult>();
  const ukrainian = new Map<string, SopResult>();

  beforeAll(() => {
    // Every command path, from `sop --help` down through each command that has subcommands.
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      const help = sop([...path, '--help']);
      english.set(path.join(' '), help);
      ukrainian.set(path.join(' '), sop([...path, '--help'], { env: UK }));
      for (const name of helpItems(help.stdout).get('Commands:')?.keys() ?? []) if (name !== 'help') paths.push([...path, name]);
    }
  });

  it('finds every command, including the subcommands of log and keys', () => {
    const names = paths.map((path) => path.join(' '));
    expect(names).toEqual(expect.arrayContaining(['', 'run', 'validate', 'log list', 'log export', 'keys generate', 'keys fingerprint']));
    expect(names.length).toBeGreaterThanOrEqual(21);
  });

  it('LANG=uk_UA.UTF-8 and --lang uk give the same Ukrainian help, with none of commander\'s English words', () => {
    for (const path of paths) {
      const name = `sop ${path.join(' ')} --help`;
      const uk = ukrainian.get(path.join(' '))!;
      expect(uk.status, name).toBe(0);
      expect(sop([...path, '--help', '--lang', 'uk']).stdout, name).toBe(uk.stdout);
      expect(uk.stdout, name).toMatch(/^Використання: sop /);
      expect(uk.stdout, name).not.toMatch(/^(Usage|Arguments|Options|Global Options|Commands|Examples|Exit codes|Environment):/m);
      for (const english of ['display help for command', 'output the version number', 'show help', '(default:', 'choices:', '[options]', '[command]']) {
        expect(uk.stdout, `${name}: ${english}`).not.toContain(english);
      }
    }
  }, 120_000);

  it('every description, option, argument and subcommand has its own Ukrainian text', () => {
    for (const path of paths) {
      const name = `sop ${path.join(' ')} --help`;
      const en = english.get(path.join(' '))!.stdout;
      const uk = ukrainian.get(path.join(' '))!.stdout;
      expect(uk, name).not.toBe(en);
      // The command's own description (the paragraph after the usage line), and every paragraph
      // of the text after the lists, except a lone indented line of code.
      expect(uk.split('\n\n')[1], name).toMatch(CYRILLIC);
      for (const paragraph of uk.trim().split(/\n{2,}/)) {
        if (!CYRILLIC.test(paragraph)) expect(paragraph.split('\n').every((line) => line.startsWith('  ')), `${name}: ${paragraph}`).toBe(true);
      }
      const enSections = helpItems(en);
      const ukSections = helpItems(uk);
      for (const [enHeading, ukHeading] of LISTS) {
        const enItems = enSections.get(enHeading) ?? new Map<string, string>();
        const ukItems = ukSections.get(ukHeading) ?? new Map<string, string>();
        expect([...ukItems.keys()], `${name} ${ukHeading}`).toEqual([...enItems.keys()]);
        for (const [term, description] of ukItems) {
          expect(description, `${name} ${term}`).toMatch(CYRILLIC);
          expect(description, `${name} ${term}`).not.toBe(enItems.get(term));
        }
      }
    }
  });

  it('the examples stay the same commands, each comment translated', () => {
    for (const path of paths) {
      const name = `sop ${path.join(' ')} --help`;
      const en = examples(english.get(path.join(' '))!.stdout, 'Examples:');
      const uk = examples(ukrainian.get(path.join(' '))!.stdout, 'Приклади:');
      expect(uk.map(([command]) => command), name).toEqual(en.map(([command]) => command));
      uk.forEach((line, i) => {
        expect(line.length, `${name}: ${line[0]}`).toBe(en[i]!.length);
        if (line[1] !== undefined) expect(line[1], `${name}: ${line[0]}`).toMatch(CYRILLIC);
      });
      if (path.length > 0) expect(en.length, `${name} has examples`).toBeGreaterThan(0);
    }
  });

  it("commander's notes on choices and defaults, and the usage placeholders, are Ukrainian", () => {
    const graph = ukrainian.get('graph')!.stdout.replace(/\s+/g, ' ');
    expect(graph).toContain('(допустимі значення: "mermaid", "dot", "text", "svg", "png"; типово: "mermaid")');
    expect(graph).toContain('Використання: sop graph [параметри] <sop>');
    const schema = ukrainian.get('schema')!.stdout.replace(/\s+/g, ' ');
    expect(schema).toContain('яка схема (допустимі значення: "sop", "directory", "scenario"; типово: "sop")');
    const root = ukrainian.get('')!.stdout;
    expect(root).toContain('Використання: sop [параметри] [команда]');
    expect(root).toMatch(/^ {2}help \[команда] +показати довідку команди$/m);
    expect(root).toMatch(/^ {2}-V, --version +показати версію$/m);
    expect(sop(['help', 'log'], { env: UK }).stdout).toBe(ukrainian.get('log')!.stdout);
  });

  it('every line of every help, English and Ukrainian, fits 80 columns when not a terminal', () => {
    for (const path of paths) {
      for (const [lang, help] of [['en', english.get(path.join(' '))!], ['uk', ukrainian.get(path.join(' '))!]] as const) {
        for (const line of help.stdout.split('\n')) expect(stringWidth(line), `sop ${path.join(' ')} --help (${lang}): ${line}`).toBeLessThanOrEqual(80);
      }
    }
    // COLUMNS is the shell's, not the terminal's: help written to a pipe stays at 80 columns.
    for (const line of sop(['run', '--help'], { env: { COLUMNS: '200' } }).stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('LANG=C keeps the English help', () => {
    for (const path of paths) {
      const name = `sop ${path.join(' ')} --help`;
      const en = english.get(path.join(' '))!;
      expect(en.status, name).toBe(0);
      expect(en.stdout, name).toMatch(/^Usage: sop /);
      expect(sop([...path, '--help', '--lang', 'en'], { env: UK }).stdout, `${name} --lang en`).toBe(en.stdout);
      const sections = helpItems(en.stdout);
      for (const [heading] of LISTS) for (const [term, description] of sections.get(heading) ?? []) expect(description, `${name} ${term}`).not.toMatch(CYRILLIC);
    }
    expect(english.get('')!.stdout).toContain('display help for command');
    expect(english.get('graph')!.stdout.replace(/\s+/g, ' ')).toContain('(choices: "mermaid", "dot", "text", "svg", "png", default: "mermaid")');
  }, 120_000);
});

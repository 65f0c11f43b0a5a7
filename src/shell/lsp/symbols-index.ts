/**
 * Where every step, SOP, contact and outcome id is defined and used across the library, with
 * exact ranges (0-based lines, UTF-16 columns): the ground for hover, definition, references,
 * rename and the code lenses. Built from the last validation's loaded SOPs and scenarios.
 */
import type { Range } from 'vscode-languageserver';
import { stepEdges } from '../../core/validate/rules/step-graph.js';
import type { PositionLookup } from '../../core/model/library.js';
import { lineOf } from '../../core/load/source-text.js';
import type { Validation } from './workspace.js';

export type SymbolKind = 'step' | 'sop' | 'contact' | 'outcome';

export interface Occurrence {
  readonly kind: SymbolKind;
  /** The SOP a step or outcome belongs to ('' for SOP ids and contacts). */
  readonly owner: string;
  readonly id: string;
  readonly file: string;
  readonly range: Range;
  readonly definition: boolean;
}

export function keyOf(occurrence: { kind: SymbolKind; owner: string; id: string }): string {
  return `${occurrence.kind}\u0000${occurrence.owner}\u0000${occurrence.id}`;
}

export class SymbolIndex {
  readonly all: Occurrence[] = [];
  private readonly byKey = new Map<string, Occurrence[]>();

  constructor(validation: Validation, textOf: (file: string) => string | undefined) {
    const add = (kind: SymbolKind, owner: string, id: string, file: string, positionOf: PositionLookup, path: readonly (string | number)[], definition: boolean, prefix = ''): void => {
      const text = textOf(file);
      const at = positionOf(path);
      if (text === undefined || at === undefined) return;
      const range = locate(text, at.line - 1, at.col - 1, prefix, id);
      if (range === undefined) return;
      const occurrence = { kind, owner, id, file, range, definition };
      this.all.push(occurrence);
      const key = keyOf(occurrence);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), occurrence]);
    };
    const { library, directorySource } = validation.load;
    for (const { sop, file, positionOf } of library.sops.values()) {
      add('sop', '', sop.sop, file, positionOf, ['sop'], true);
      add('step', sop.sop, sop.start, file, positionOf, ['start'], false);
      for (const id of Object.keys(sop.outcomes ?? {})) add('outcome', sop.sop, id, file, positionOf, ['outcomes', id], true);
      (sop.interrupts ?? []).forEach((interrupt, index) => add('step', sop.sop, interrupt.goto, file, positionOf, ['interrupts', index, 'goto'], false));
      for (const [id, step] of Object.entries(sop.steps)) {
        add('step', sop.sop, id, file, positionOf, ['steps', id], true);
        for (const edge of stepEdges(id, step)) add('step', sop.sop, edge.to, file, positionOf, edge.path, false);
        if (step.kind === 'call') add('sop', '', step.sop, file, positionOf, ['steps', id, 'sop'], false);
        if (step.kind === 'end') {
          add('outcome', sop.sop, step.outcome, file, positionOf, ['steps', id, 'outcome'], false);
          (step.refer ?? []).forEach((contact, index) => add('contact', '', contact, file, positionOf, ['steps', id, 'refer', index], false));
        }
      }
    }
    if (directorySource !== undefined) {
      for (const id of Object.keys(directorySource.directory.contacts)) add('contact', '', id, directorySource.file, directorySource.positionOf, ['contacts', id], true);
    }
    for (const { scenario, file, positionOf } of validation.scenarios) {
      add('sop', '', scenario.sop, file, positionOf, ['sop'], false);
      const stepRef = (ref: string, path: readonly (string | number)[]): void => {
        const slash = ref.indexOf('/');
        if (slash === -1) add('step', scenario.sop, ref, file, positionOf, path, false);
        else {
          add('sop', '', ref.slice(0, slash), file, positionOf, path, false);
          add('step', ref.slice(0, slash), ref.slice(slash + 1), file, positionOf, path, false, `${ref.slice(0, slash)}/`);
        }
      };
      scenario.answers.forEach((entry, index) => {
        if ('step' in entry) stepRef(entry.step, ['answers', index, 'step']);
        else if (entry.at !== undefined) stepRef(entry.at, ['answers', index, 'at']);
      });
      (scenario.expect.visits ?? []).forEach((ref, index) => stepRef(ref, ['expect', 'visits', index]));
      const outcome = scenario.expect.outcome;
      const slash = outcome.indexOf('/');
      if (slash > 0) {
        add('sop', '', outcome.slice(0, slash), file, positionOf, ['expect', 'outcome'], false);
        add('outcome', outcome.slice(0, slash), outcome.slice(slash + 1), file, positionOf, ['expect', 'outcome'], false, `${outcome.slice(0, slash)}/`);
      }
      (scenario.expect.referrals ?? []).forEach((contact, index) => add('contact', '', contact, file, positionOf, ['expect', 'referrals', index], false));
    }
  }

  /** The occurrence under a position of a file. */
  at(file: string, line: number, character: number): Occurrence | undefined {
    return this.all.find((o) => o.file === file && o.range.start.line === line && o.range.start.character <= character && character <= o.range.end.character);
  }

  occurrencesOf(symbol: { kind: SymbolKind; owner: string; id: string }): readonly Occurrence[] {
    return this.byKey.get(keyOf(symbol)) ?? [];
  }

  has(symbol: { kind: SymbolKind; owner: string; id: string }): boolean {
    return this.occurrencesOf(symbol).some((o) => o.definition);
  }
}

/** The range of `id` (after `prefix`) written at or after 0-based line/character of `text`. */
export function locate(text: string, line: number, character: number, prefix: string, id: string): Range | undefined {
  const lineText = lineAt(text, line);
  if (lineText === undefined) return undefined;
  const found = lineText.indexOf(prefix + id, character);
  if (found === -1) return undefined;
  const start = found + prefix.length;
  return { start: { line, character: start }, end: { line, character: start + id.length } };
}

/** The 0-based `line` of `text` without its line ending (core's lineOf counts from 1). */
export function lineAt(text: string, line: number): string | undefined {
  return lineOf(text, line + 1);
}

/** Document symbols (the steps with their kinds) and a code lens on each step: "N references · reached by K scenarios". */
import { SymbolKind, type CodeLens, type DocumentSymbol } from 'vscode-languageserver';
import { runScenario } from '../../core/check/run-scenario.js';
import { visitedSteps } from '../../core/record/trace-events.js';
import { say, type Lang } from '../i18n.js';
import { pluralUk } from '../../core/model/plural-uk.js';
import type { SymbolIndex } from './symbols-index.js';
import type { Validation } from './workspace.js';

export function documentSymbols(validation: Validation, index: SymbolIndex, file: string): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const o of index.all) {
    if (o.file !== file || !o.definition || o.kind !== 'step') continue;
    const step = validation.load.library.sops.get(o.owner)?.sop.steps[o.id];
    symbols.push({ name: o.id, detail: step?.kind ?? '', kind: step?.kind === 'end' ? SymbolKind.Event : SymbolKind.Function, range: o.range, selectionRange: o.range });
  }
  return symbols;
}

/** How many scenarios pass through each `sop/step` (the scenarios are run through the engine once per validation). */
const reachCache = new WeakMap<Validation, Map<string, number>>();
function reachedBy(validation: Validation): Map<string, number> {
  let counts = reachCache.get(validation);
  if (counts !== undefined) return counts;
  counts = new Map();
  const library = validation.load.library;
  for (const source of validation.scenarios) {
    try {
      for (const step of visitedSteps(library, runScenario(library, source).events)) counts.set(step, (counts.get(step) ?? 0) + 1);
    } catch {
      // A scenario the engine cannot run counts for nothing here; `sop test` says why.
    }
  }
  reachCache.set(validation, counts);
  return counts;
}

export function codeLenses(validation: Validation, index: SymbolIndex, file: string, lang: Lang): CodeLens[] {
  const lenses: CodeLens[] = [];
  const counts = reachedBy(validation);
  for (const o of index.all) {
    if (o.file !== file || !o.definition || o.kind !== 'step') continue;
    const references = index.occurrencesOf(o).filter((other) => !other.definition).length;
    const scenarios = counts.get(`${o.owner}/${o.id}`) ?? 0;
    const title = say(lang, {
      en: `${references} reference${references === 1 ? '' : 's'} · reached by ${scenarios} scenario${scenarios === 1 ? '' : 's'}`,
      uk: `${pluralUk(references, 'посилання', 'посилання', 'посилань')} · ${pluralUk(scenarios, 'сценарій', 'сценарії', 'сценаріїв')} проходять тут`,
    });
    lenses.push({ range: o.range, command: { title, command: '' } });
  }
  return lenses;
}

/**
 * Root causes first: a finding that follows from another (its `cause`) is folded under it, so one
 * mistyped next reads as one problem with "4 steps cannot be reached because of this" under it,
 * not as six equal findings. The formats show the roots; json keeps every finding with its cause.
 */
import type { Message } from '../model/message.js';
import { sameRef, type Finding } from '../findings/finding.js';
import { pluralUk } from '../model/plural-uk.js';
import { RULES } from '../findings/rules.js';

export interface FoldedFinding {
  readonly root: Finding;
  /** The findings that follow from the root (through any chain of causes), in the order given. */
  readonly consequences: readonly Finding[];
}

/** Groups findings (already sorted) under their root causes; a finding whose cause is not in the list is a root. */
export function foldFindings(findings: readonly Finding[]): FoldedFinding[] {
  const rootOf = (finding: Finding): Finding => {
    let current = finding;
    for (let depth = 0; current.cause !== undefined && depth < 10; depth++) {
      const cause = current.cause;
      const parent = findings.find((f) => f !== current && sameRef(f, cause));
      if (parent === undefined) break;
      current = parent;
    }
    return current;
  };
  const groups = new Map<Finding, Finding[]>();
  for (const finding of findings) {
    const root = rootOf(finding);
    if (root === finding) {
      if (!groups.has(finding)) groups.set(finding, []);
    } else {
      const list = groups.get(root) ?? [];
      list.push(finding);
      groups.set(root, list);
    }
  }
  // Roots in the order given (a consequence may sort before its root).
  return findings.filter((f) => groups.has(f)).map((root) => ({ root, consequences: groups.get(root)! }));
}

function quoted(subjects: readonly string[], lang: 'en' | 'uk'): string {
  return subjects.map((s) => (lang === 'en' ? `'${s}'` : `«${s}»`)).join(', ');
}

/** One line per kind of consequence: "4 steps cannot be reached because of this: 'a', 'b', ...". */
export function consequenceLines(consequences: readonly Finding[]): Message[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of consequences) {
    const list = byRule.get(finding.rule) ?? [];
    list.push(finding);
    byRule.set(finding.rule, list);
  }
  const lines: Message[] = [];
  for (const [rule, list] of byRule) {
    const n = list.length;
    const subjects = list.map((f) => f.subject ?? `${f.line}:${f.col}`);
    const lineList = [...new Set(list.map((f) => f.line))].join(', ');
    if (rule === RULES.unreachableStep.code) {
      lines.push(
        n === 1
          ? { en: `step ${quoted(subjects, 'en')} cannot be reached because of this`, uk: `через це до кроку ${quoted(subjects, 'uk')} не можна дійти` }
          : { en: `${n} steps cannot be reached because of this: ${quoted(subjects, 'en')}`, uk: `через це не можна дійти до ${pluralUk(n, 'кроку', 'кроків', 'кроків')}: ${quoted(subjects, 'uk')}` },
      );
    } else if (rule === RULES.noWayToEnd.code) {
      lines.push(
        n === 1
          ? { en: `step ${quoted(subjects, 'en')} leads to no end because of this`, uk: `через це з кроку ${quoted(subjects, 'uk')} не можна дійти до кінця` }
          : { en: `${n} steps lead to no end because of this: ${quoted(subjects, 'en')}`, uk: `через це з ${pluralUk(n, 'кроку', 'кроків', 'кроків')} не можна дійти до кінця: ${quoted(subjects, 'uk')}` },
      );
    } else if (rule === RULES.yamlSyntax.code) {
      lines.push({
        en: `${n === 1 ? '1 more syntax error follows' : `${n} more syntax errors follow`} from this one (line ${lineList}); fix this one and validate again`,
        uk: `з цієї помилки випливає ще ${pluralUk(n, 'помилка', 'помилки', 'помилок')} синтаксису (рядок ${lineList}); виправте цю й перевірте знову`,
      });
    } else {
      lines.push({
        en: `${n === 1 ? '1 more finding follows' : `${n} more findings follow`} from this one (${rule}, line ${lineList})`,
        uk: `з цього випливає ще ${pluralUk(n, 'зауваження', 'зауваження', 'зауважень')} (${rule}, рядок ${lineList})`,
      });
    }
  }
  return lines;
}

/**
 * The JUnit XML document every `--format junit` writes (validate, test, replay --check): one
 * <testsuites> holding one <testsuite>, a <testcase> per file, scenario or call. No timestamps or
 * durations, so the output is byte-identical per input. Each writer says what its cases are and
 * builds their <failure>/<skipped> elements (content through xmlEscape, attributes through xmlAttr); this writes the rest.
 */
import { xmlAttr } from './xml-escape.js';

export interface JunitCase {
  readonly classname: string;
  readonly name: string;
  readonly file?: string;
  /** The case's <failure> or <skipped> elements, already escaped; none: it passed. */
  readonly children: readonly string[];
  /** Counted as skipped rather than failed (its children are <skipped>). */
  readonly skipped?: boolean;
}

export function junitXml(suite: string, cases: readonly JunitCase[]): string {
  const name = xmlAttr(suite);
  const failures = cases.filter((c) => c.children.length > 0 && !c.skipped).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${name}" tests="${cases.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
  ];
  for (const c of cases) {
    const open = `    <testcase classname="${xmlAttr(c.classname)}" name="${xmlAttr(c.name)}"${c.file === undefined ? '' : ` file="${xmlAttr(c.file)}"`}`;
    if (c.children.length === 0) lines.push(`${open}/>`);
    else lines.push(`${open}>`, ...c.children.map((child) => `      ${child}`), '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}

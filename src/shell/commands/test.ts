/** `sop test`: scenario files run through the engine; coverage by scenarios and recorded calls. */
import { join } from 'node:path';
import { computeCoverage, traceAll, percent } from '../../core/check/compute-coverage.js';
import { runScenario, type ScenarioFailure, type ScenarioResult } from '../../core/check/run-scenario.js';
import { EXIT, UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { readLibrary } from '../library/read-library.js';
import { readScenarios } from '../library/read-scenarios.js';
import { formatTestJson } from '../format/test-json.js';
import { formatTestJunit } from '../format/test-junit.js';
import { formatTestPretty } from '../format/test-pretty.js';
import { formatTestTap } from '../format/test-tap.js';
import type { CoverageReport, TestReport } from '../format/test-report.js';
import { colorFor } from '../text/color.js';
import { checkSettings } from '../replay/settings.js';

/** The options of `sop test`: this command owns them; cli/define-test.ts only parses argv into them. */
export interface TestOptions {
  readonly sops?: string;
  readonly format?: 'pretty' | 'json' | 'junit' | 'tap';
  readonly coverage?: boolean;
  readonly journal?: string | boolean;
  readonly minCoverage?: string;
  readonly dataDir?: string;
  readonly lang?: string;
}

function parseMinimum(value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.replace(/%$/, ''));
  if (!Number.isFinite(number) || number < 0 || number > 100) {
    throw new UserError(
      say(lang, {
        en: `--min-coverage must be a percentage from 0 to 100, got "${value}"`,
        uk: `--min-coverage має бути відсотком від 0 до 100, а не «${value}»`,
      }),
    );
  }
  return number;
}

export async function runTest(paths: readonly string[], options: TestOptions): Promise<number> {
  const settings = await checkSettings(options);
  const { lang, sopsDir } = settings;
  const minimum = parseMinimum(options.minCoverage, lang);
  const scenarioPaths = paths.length > 0 ? [...paths] : [join(sopsDir, 'scenarios')];

  const [{ library, findings: libraryFindings }, { scenarios, findings: scenarioFindings }] = await Promise.all([
    readLibrary([sopsDir]),
    readScenarios(scenarioPaths),
  ]);
  const libraryErrors = libraryFindings.filter((finding) => finding.severity === 'error');
  if (libraryErrors.length > 0) {
    process.stderr.write(
      say(lang, {
        en: `sop: ${libraryErrors.length} error(s) in the SOPs of ${sopsDir}; scenarios that reach them will fail. Run "sop validate ${sopsDir}" for details.\n`,
        uk: `sop: у СОП із ${sopsDir} помилок: ${libraryErrors.length}; сценарії, що їх зачіпають, не пройдуть. Подробиці: "sop validate ${sopsDir}".\n`,
      }),
    );
  }

  const results: ScenarioResult[] = [];
  // A scenario file that does not load is a failed test, one per file, each problem at its position.
  const invalid = new Map<string, ScenarioFailure[]>();
  for (const finding of scenarioFindings.filter((candidate) => candidate.severity === 'error')) {
    const failures = invalid.get(finding.file) ?? [];
    failures.push({
      code: 'invalid',
      message: { en: `${finding.rule} ${finding.name}: ${say('en', finding.message)}`, uk: `${finding.rule} ${finding.name}: ${say('uk', finding.message)}` },
      scenarioAt: { file: finding.file, line: finding.line, col: finding.col },
    });
    invalid.set(finding.file, failures);
  }
  for (const [file, failures] of invalid) results.push({ scenario: file, file, sop: '', passed: false, failures, events: [] });
  for (const source of scenarios) results.push(runScenario(library, source));
  results.sort((a, b) => (a.file === b.file ? (a.scenario < b.scenario ? -1 : a.scenario > b.scenario ? 1 : 0) : a.file < b.file ? -1 : 1));
  if (results.length === 0) {
    throw new UserError(
      say(lang, {
        en: `no scenarios found in ${scenarioPaths.join(', ')}; scenario files end in .scenario.yaml`,
        uk: `не знайдено сценаріїв у ${scenarioPaths.join(', ')}; файли сценаріїв закінчуються на .scenario.yaml`,
      }),
    );
  }

  let coverage: CoverageReport | undefined;
  if (options.coverage || minimum !== undefined || options.journal !== undefined) {
    const byScenarios = computeCoverage(library, traceAll(library, results.map((result) => result.events)));
    let calls: CoverageReport['calls'];
    let callCount: number | undefined;
    if (options.journal !== undefined && options.journal !== false) {
      const args = typeof options.journal === 'string' ? [options.journal] : [];
      const { readRecordedCalls } = await import('../replay/read-recorded-calls.js');
      const recorded = readRecordedCalls(args, { dataDir: settings.dataDir, mode: 'live', lang });
      for (const notice of recorded.notices) process.stderr.write(`sop: ${notice}\n`);
      callCount = recorded.calls.length;
      calls = computeCoverage(library, traceAll(library, recorded.calls.map((call) => call.events)));
    }
    const belowMinimum =
      minimum === undefined ? undefined : byScenarios.filter((sop) => percent(sop.steps) < minimum).map((sop) => sop.sop);
    coverage = {
      scenarios: byScenarios,
      ...(calls ? { calls, callCount: callCount ?? 0 } : {}),
      ...(minimum !== undefined ? { minimum, belowMinimum: belowMinimum ?? [] } : {}),
    };
  }

  const report: TestReport = { results, ...(coverage ? { coverage } : {}) };
  const format = options.format ?? 'pretty';
  const output =
    format === 'json'
      ? formatTestJson(report, lang)
      : format === 'junit'
        ? formatTestJunit(report, lang)
        : format === 'tap'
          ? formatTestTap(report, lang)
          : formatTestPretty(report, lang, colorFor('stdout'));
  process.stdout.write(output);
  const failed = results.some((result) => !result.passed) || (coverage?.belowMinimum ?? []).length > 0;
  return failed ? EXIT.findings : EXIT.ok;
}

/** `sop validate`: check SOP files, the directory and scenarios; findings with file:line:col. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface ValidateOptions {
  readonly format?: 'pretty' | 'json' | 'github' | 'sarif' | 'junit';
  readonly strict?: boolean;
  /** false with --no-cache. */
  readonly cache?: boolean;
  readonly today?: string;
  readonly lang?: string;
}

export const defineValidate: CommandDefinition = (program: Command) => {
  program
    .command('validate')
    .description('check SOPs, the referral directory and scenarios: schema, flow, variables, conditions, calls, translations')
    .argument('[paths...]', 'files, folders (searched for *.sop.yaml, directory.yaml, *.scenario.yaml) or quoted globs; - reads stdin (default: sops/)')
    .addOption(
      new Option('--format <format>', 'output: pretty (default), json, github (annotations; default when GITHUB_ACTIONS=true), sarif (code scanning), junit').choices([
        'pretty',
        'json',
        'github',
        'sarif',
        'junit',
      ]),
    )
    .option('--strict', 'warnings fail too (exit 1)')
    .option('--no-cache', 'do not use or update the parse cache ($XDG_CACHE_HOME/sop-runner)')
    .option('--today <date>', 'the date (YYYY-MM-DD) directory entries are checked against (default: today)')
    .addOption(new Option('--lang <lang>', 'language of the summary and of the rule explanations (default: from LANG)').choices(['en', 'uk']))
    .addHelpText(
      'after',
      `
Every finding has a place (file:line:col), a stable rule code and name (SOP104 unknown-step),
a severity and what to do. The whole library is checked in one go: a bad file never stops the
others. Files named one by one are checked with the other SOPs and the directory in their
folder (only the named files are reported), so calls and referrals resolve.
Findings go to stdout; the summary line to stderr. See docs/sop-format.md for the rules.

Exit codes: 0 no errors (warnings allowed unless --strict), 1 findings, 2 usage error
(unknown option, a path that does not exist, a glob that matches nothing).

Examples:
  sop validate                                  the library in sops/ (or the configured folder)
  sop validate sops/first-contact.sop.yaml      one file, checked with the SOPs and directory beside it
  sop validate 'sops/**/*.sop.yaml'             a quoted glob
  sop validate --strict                         warnings (stale contacts, unused variables) fail too
  sop validate --format json | jq '.findings[] | .rule'
  sop validate --format sarif > sop.sarif       upload with github/codeql-action/upload-sarif
  sop validate --format junit > validate.xml    for CI test reports
  cat draft.sop.yaml | sop validate -           check text from stdin`,
    )
    .action(async (paths: string[], options: ValidateOptions) => {
      const { runValidate } = await import('../commands/validate.js');
      process.exitCode = await runValidate(paths, options);
    });
};

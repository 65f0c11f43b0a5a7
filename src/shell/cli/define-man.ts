/**
 * `sop man`: the manual page, made from the same help text as `--help` (the program's, then each
 * command's and subcommand's), as roff for man(1): `sop man > sop.1 && man -l sop.1`.
 */
import type { Command } from 'commander';
import type { CommandDefinition } from './commands.js';

/** Help text as literal roff lines: backslashes doubled, a leading . or ' escaped. */
function roffLines(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/\\/g, '\\e').replace(/^([.'])/, '\\&$1'))
    .join('\n');
}

function section(title: string, command: Command): string {
  const help = command.helpInformation();
  return `.SS ${title}\n.nf\n${roffLines(help)}\n.fi\n`;
}

export function manPage(program: Command, version: string): string {
  const commands = program.commands.filter((c) => !c.name().startsWith('_'));
  let out = `.TH SOP 1 "" "sop-runner ${version}" "User Commands"\n.SH NAME\nsop \\- ${roffLines(program.description())}\n.SH SYNOPSIS\n.B sop\n[options] <command> [arguments]\n.SH DESCRIPTION\n.nf\n${roffLines(program.helpInformation())}\n.fi\n.SH COMMANDS\n`;
  for (const command of commands) {
    out += section(`sop ${command.name()}`, command);
    for (const sub of command.commands) out += section(`sop ${command.name()} ${sub.name()}`, sub);
  }
  return out;
}

export const defineMan: CommandDefinition = (program: Command, t) => {
  program
    .command('man')
    .description(t({ en: 'print the manual page (roff), made from the help of every command', uk: 'вивести сторінку посібника (roff), складену з довідки всіх команд' }))
    .addHelpText('after', t({ en: '\nExamples:\n  sop man > sop.1 && man -l sop.1', uk: '\nПриклади:\n  sop man > sop.1 && man -l sop.1' }))
    .action(async () => {
      const { VERSION } = await import('../version.js');
      process.stdout.write(manPage(program, VERSION));
    });
};

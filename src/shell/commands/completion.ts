/** The completion scripts and the candidates `sop __complete` prints (see cli/define-completion.ts). */
import type { Command } from 'commander';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const SOP_COMMANDS = new Set(['run', 'graph', 'docs', 'validate']);
/** Commands (or `log` subcommands) whose argument is a recorded call's session id. */
const SESSION_COMMANDS = new Set(['replay', 'resume', 'show', 'export']);

async function idsIn(dir: string, suffix: RegExp): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => suffix.test(name)).map((name) => name.replace(suffix, '')).sort();
  } catch {
    return [];
  }
}

/**
 * The live calls' session ids, newest first (`resume`: only those it can continue). Reads the
 * journal's plain fields only: nothing sealed is opened, so completion needs no key.
 */
async function sessionIds(dataDir: string, resumableOnly: boolean): Promise<string[]> {
  const { readJournal } = await import('../journal/reader.js');
  try {
    const sessions = readJournal(dataDir, 'live').sessions;
    const wanted = resumableOnly ? sessions.filter((s) => s.status === 'interrupted' || s.status === 'open') : sessions;
    return wanted.map((s) => s.id).reverse();
  } catch {
    return [];
  }
}

/** Candidates for the last of `words` (the words after `sop`, the last one being completed, maybe empty). */
export async function complete(program: Command, words: readonly string[]): Promise<string[]> {
  const current = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  const visible = program.commands.filter((command) => !command.name().startsWith('_'));
  const commandWord = before.find((word) => !word.startsWith('-'));
  const pick = (candidates: readonly string[]): string[] => candidates.filter((c) => c.startsWith(current));
  if (commandWord === undefined) return pick(current.startsWith('-') ? ['--lang', '--help', '--version'] : visible.map((c) => c.name()));
  const command = visible.find((c) => c.name() === commandWord);
  if (command === undefined) return [];
  const sub = command.commands.find((c) => before.includes(c.name()));
  if (current.startsWith('-')) return pick([...(sub ?? command).options.map((o) => o.long ?? o.short ?? '').filter(Boolean), '--help']);
  if (command.commands.length > 0 && sub === undefined) return pick(command.commands.map((c) => c.name()));
  const { loadConfig } = await import('../config/load-config.js');
  const config = await loadConfig();
  const sopsDir = config.sopsDir;
  if (SESSION_COMMANDS.has((sub ?? command).name())) return pick(await sessionIds(config.dataDir, command.name() === 'resume'));
  if (SOP_COMMANDS.has(command.name())) return pick(await idsIn(sopsDir, /\.sop\.ya?ml$/));
  if (command.name() === 'train' || command.name() === 'test') return pick(await idsIn(join(sopsDir, 'scenarios'), /\.scenario\.ya?ml$/));
  return [];
}

export function completionScript(shell: 'bash' | 'zsh' | 'fish'): string {
  switch (shell) {
    case 'bash':
      return `# sop completion for bash: source <(sop completion bash)
_sop_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(sop __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _sop_complete sop
`;
    case 'zsh':
      return `#compdef sop
# sop completion for zsh: sop completion zsh > "\${fpath[1]}/_sop"
_sop() {
  local -a candidates
  candidates=("\${(@f)$(sop __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
compdef _sop sop
`;
    case 'fish':
      return `# sop completion for fish: sop completion fish > ~/.config/fish/completions/sop.fish
complete -c sop -f -a '(sop __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`;
  }
}

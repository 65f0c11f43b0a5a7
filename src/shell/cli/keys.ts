/** `sop keys`: the supervisor's key pair that seals sensitive answers and notes in the journal. */
import { Option, type Command } from 'commander';
import type { CommandDefinition } from './commands.js';

export interface KeysGenerateOptions {
  readonly output?: string;
  readonly lang?: string;
}

export interface KeysFingerprintOptions {
  readonly lang?: string;
}

export const defineKeys: CommandDefinition = (program: Command) => {
  const keys = program
    .command('keys')
    .description("the supervisor's key pair: sensitive answers and notes are sealed to its public key")
    .addHelpText(
      'after',
      `
Examples:
  sop keys generate -o ~/supervisor-keys
  sop keys fingerprint supervisor.pub.pem`,
    );
  keys
    .command('generate')
    .description('make a new X25519 key pair: supervisor.pub.pem (0644) and supervisor.key.pem (0600)')
    .option('-o, --output <dir>', 'the folder to write the two files to (created 0700 when missing)', '.')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['en', 'uk']))
    .addHelpText(
      'after',
      `
Run this on the SUPERVISOR's machine, once. Existing files are never overwritten.
Copy only supervisor.pub.pem to each counsellor's machine and name it in the config file
(~/.config/sop-runner/config.yaml):

  public_key: ~/.config/sop-runner/supervisor.pub.pem

From then on every call's sensitive answers and notes are sealed to that key; only
supervisor.key.pem opens them: sop log show SESSION --key supervisor.key.pem.
Keep supervisor.key.pem off counsellors' machines, and keep a backup: without it sealed
content can never be read again. See docs/security.md.

Examples:
  sop keys generate                      in the current folder
  sop keys generate -o ~/supervisor-keys`,
    )
    .action(async (options: KeysGenerateOptions) => {
      const { runKeysGenerate } = await import('../commands/keys.js');
      process.exitCode = await runKeysGenerate(options);
    });
  keys
    .command('fingerprint')
    .description('show the fingerprint of a public or private key (sop config shows the configured one)')
    .argument('<file>', 'a .pem key file')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['en', 'uk']))
    .addHelpText(
      'after',
      `
A public key and its private key have the same fingerprint: compare it with the one
"sop config" shows on a counsellor's machine.

Examples:
  sop keys fingerprint supervisor.key.pem
  sop keys fingerprint ~/.config/sop-runner/supervisor.pub.pem`,
    )
    .action(async (file: string, options: KeysFingerprintOptions) => {
      const { runKeysFingerprint } = await import('../commands/keys.js');
      process.exitCode = await runKeysFingerprint(file, options);
    });
};

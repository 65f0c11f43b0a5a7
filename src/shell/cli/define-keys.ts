/** `sop keys`: the supervisor's key pair that seals sensitive answers and notes in the journal. */
import { Option, type Command } from 'commander';
import { LANG_OF_MESSAGES } from './texts.js';
import type { CommandDefinition, Say } from './commands.js';
import type { KeysGenerateOptions, KeysFingerprintOptions } from '../commands/keys.js';
import { langOption } from './lang-option.js';

const commandLangOption = (t: Say): Option => langOption(t(LANG_OF_MESSAGES), t);

export const defineKeys: CommandDefinition = (program: Command, t) => {
  const keys = program
    .command('keys')
    .description(t({ en: "the supervisor's key pair: sensitive answers and notes are sealed to its public key", uk: 'пара ключів керівника: чутливі відповіді й нотатки шифруються для її публічного ключа' }))
    .addHelpText(
      'after',
      t({
        en: `
Examples:
  sop keys generate -o ~/supervisor-keys
  sop keys fingerprint supervisor.pub.pem`,
        uk: `
Приклади:
  sop keys generate -o ~/supervisor-keys
  sop keys fingerprint supervisor.pub.pem`,
      }),
    );
  keys
    .command('generate')
    .description(t({ en: 'make a new X25519 key pair: supervisor.pub.pem (0644) and supervisor.key.pem (0600)', uk: 'створити нову пару ключів X25519: supervisor.pub.pem (0644) і supervisor.key.pem (0600)' }))
    .option('-o, --output <dir>', t({ en: 'the folder to write the two files to (created 0700 when missing)', uk: 'тека, куди записати обидва файли (якщо її немає, створюється з правами 0700)' }), '.')
    .addOption(commandLangOption(t))
    .addHelpText(
      'after',
      t({
        en: `
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
        uk: `
Виконайте це один раз на комп'ютері КЕРІВНИКА. Наявні файли ніколи не перезаписуються.
На комп'ютер кожного консультанта скопіюйте лише supervisor.pub.pem і вкажіть його у файлі
налаштувань (~/.config/sop-runner/config.yaml):

  public_key: ~/.config/sop-runner/supervisor.pub.pem

Відтоді чутливі відповіді й нотатки кожного дзвінка шифруються для цього ключа; відкрити їх
може лише supervisor.key.pem: sop log show SESSION --key supervisor.key.pem.
Не тримайте supervisor.key.pem на комп'ютерах консультантів і зробіть резервну копію: без
нього зашифрований вміст уже ніколи не вдасться прочитати. Див. docs/security.md.

Приклади:
  sop keys generate                      у поточній теці
  sop keys generate -o ~/supervisor-keys`,
      }),
    )
    .action(async (options: KeysGenerateOptions) => {
      const { runKeysGenerate } = await import('../commands/keys.js');
      process.exitCode = await runKeysGenerate(options);
    });
  keys
    .command('fingerprint')
    .description(t({ en: 'show the fingerprint of a public or private key (sop config shows the configured one)', uk: 'показати відбиток публічного або приватного ключа (sop config показує налаштований)' }))
    .argument('<file>', t({ en: 'a .pem key file', uk: 'файл ключа .pem' }))
    .addOption(commandLangOption(t))
    .addHelpText(
      'after',
      t({
        en: `
A public key and its private key have the same fingerprint: compare it with the one
"sop config" shows on a counsellor's machine.

Examples:
  sop keys fingerprint supervisor.key.pem
  sop keys fingerprint ~/.config/sop-runner/supervisor.pub.pem`,
        uk: `
Публічний ключ і відповідний йому приватний мають однаковий відбиток: порівняйте його з тим,
який показує "sop config" на комп'ютері консультанта.

Приклади:
  sop keys fingerprint supervisor.key.pem
  sop keys fingerprint ~/.config/sop-runner/supervisor.pub.pem`,
      }),
    )
    .action(async (file: string, options: KeysFingerprintOptions) => {
      const { runKeysFingerprint } = await import('../commands/keys.js');
      process.exitCode = await runKeysFingerprint(file, options);
    });
};

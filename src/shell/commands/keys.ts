/** `sop keys generate|fingerprint`: the supervisor's X25519 key pair as PEM files. */
import { createPublicKey } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { generateKeyPairPem, keyId, readPrivateKey, readPublicKey, showFingerprint } from '../crypto/keys.js';
import { EXIT, UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { KEY_FILE_LIMIT, readFileCapped } from '../stdin.js';

/** The options of `sop keys generate` and `sop keys fingerprint`: this command owns them; cli/define-keys.ts only parses argv into them. */
export interface KeysGenerateOptions {
  readonly output?: string;
  readonly lang?: string;
}

export interface KeysFingerprintOptions {
  readonly lang?: string;
}

const PUBLIC_FILE = 'supervisor.pub.pem';
const PRIVATE_FILE = 'supervisor.key.pem';

async function langOf(option: string | undefined): Promise<Lang> {
  return (await loadConfig({ flags: option !== undefined ? { lang: option } : {} })).lang;
}

/** Writes a new file with `mode` (O_EXCL: never overwrites), fsync'd; a failed write leaves no file behind. */
function writeNew(path: string, text: string, mode: number): void {
  const fd = openSync(path, 'wx', mode);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    // Ours (O_EXCL) and incomplete: an empty key would block the retry as "already exists".
    unlinkSync(path);
    throw error;
  }
  chmodSync(path, mode);
}

export async function runKeysGenerate(options: KeysGenerateOptions): Promise<number> {
  const lang = await langOf(options.lang);
  const dir = resolve(options.output ?? '.');
  const publicPath = join(dir, PUBLIC_FILE);
  const privatePath = join(dir, PRIVATE_FILE);
  const existing = [publicPath, privatePath].filter((path) => existsSync(path));
  if (existing.length > 0) {
    throw new UserError(
      say(lang, {
        en: `${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}: sop never overwrites a key (data sealed to it could not be read any more). Choose another folder with -o, or move the old files away yourself.`,
        uk: `${existing.join(' і ')} уже існує: sop ніколи не перезаписує ключ (зашифровані ним дані вже не вдалося б прочитати). Виберіть іншу теку через -o або самі перенесіть старі файли.`,
      }),
    );
  }
  try {
    if (!existsSync(dir)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700);
    }
    const { publicPem, privatePem } = generateKeyPairPem();
    // The private key first: a public key without its private key would seal data nobody can open.
    writeNew(privatePath, privatePem, 0o600);
    try {
      writeNew(publicPath, publicPem, 0o644);
    } catch (error) {
      unlinkSync(privatePath);
      throw error;
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(
      say(lang, {
        en: `cannot write the key files in ${dir} (${code}). Check the folder, or choose another with -o.`,
        uk: `не вдається записати файли ключів у ${dir} (${code}). Перевірте теку або виберіть іншу через -o.`,
      }),
    );
  }
  const fingerprint = showFingerprint(keyId(readPublicKey(publicPath, lang)));
  process.stdout.write(`${publicPath}\n${privatePath}\n`);
  process.stderr.write(
    say(lang, {
      en: `Key pair made, fingerprint ${fingerprint}.
  ${PUBLIC_FILE}  (0644) goes on each counsellor's machine; in its config file:
      public_key: <path to ${PUBLIC_FILE}>
  ${PRIVATE_FILE} (0600) stays with the supervisor ONLY, with a backup: it alone opens
      sealed answers and notes (sop log show SESSION --key ${PRIVATE_FILE}).
`,
      uk: `Пару ключів створено, відбиток ${fingerprint}.
  ${PUBLIC_FILE}  (0644) — на кожен комп'ютер консультанта; у файлі налаштувань:
      public_key: <шлях до ${PUBLIC_FILE}>
  ${PRIVATE_FILE} (0600) — ЛИШЕ в керівника, з резервною копією: тільки він відкриває
      зашифровані відповіді й нотатки (sop log show SESSION --key ${PRIVATE_FILE}).
`,
    }),
  );
  return EXIT.ok;
}

export async function runKeysFingerprint(file: string, options: KeysFingerprintOptions): Promise<number> {
  const lang = await langOf(options.lang);
  let text: string;
  try {
    text = readFileCapped(file, KEY_FILE_LIMIT).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(say(lang, { en: `cannot read ${file} (${code})`, uk: `не вдається прочитати ${file} (${code})` }));
  }
  const key = text.includes('PRIVATE KEY') ? createPublicKey(readPrivateKey(file, lang)) : readPublicKey(file, lang);
  process.stdout.write(`${showFingerprint(keyId(key))}\n`);
  return EXIT.ok;
}

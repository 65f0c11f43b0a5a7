/**
 * The effective settings and where each came from. Precedence, highest first:
 *   command-line flag > environment variable > config file > default.
 * The config file is $XDG_CONFIG_HOME/sop-runner/config.yaml (~/.config/sop-runner/config.yaml).
 */
import { statSync } from 'node:fs';
import { CONFIG_FILE_LIMIT, readFileCapped } from '../stdin.js';
import { userInfo } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Node } from 'yaml';
import { UserError } from '../exit-codes.js';
import { langFromEnv, languageList, resolveLang, say, type Lang, type Message } from '../i18n.js';
import { configFile, defaultDataDir } from '../paths.js';
import { packageRoot } from './package-root.js';

type SettingSource = 'flag' | 'env' | 'default' | `config file ${string}`;

interface ConfigFlags {
  readonly lang?: string;
  readonly operator?: string;
  readonly dataDir?: string;
  readonly sopsDir?: string;
}

export interface Config {
  readonly lang: Lang;
  readonly operator: string;
  readonly dataDir: string;
  readonly sopsDir: string;
  /** As written in the config file (the sealing of sensitive data interprets it). */
  readonly publicKey?: string;
  /** The shared store (PostgreSQL URL): SOP_DATABASE_URL, else `database_url` in the config file. Never print it unredacted. */
  readonly databaseUrl?: string;
  /** `sync: after-call`: push the journal to the store after each call, in the background. */
  readonly sync?: 'after-call' | 'manual';
  /** The config file looked at (it may not exist). */
  readonly configFile: string;
  readonly sources: {
    readonly lang: SettingSource;
    readonly operator: SettingSource;
    readonly dataDir: SettingSource;
    readonly sopsDir: SettingSource;
    readonly publicKey?: SettingSource;
  };
}

export interface LoadConfigOptions {
  readonly flags?: ConfigFlags;
  readonly env?: NodeJS.ProcessEnv;
  /** Where relative flags and ./sops are resolved (default process.cwd()). */
  readonly cwd?: string;
}

/** The keys of config.yaml. */
interface ConfigFileValues {
  readonly language?: Lang;
  readonly operator?: string;
  readonly data_dir?: string;
  readonly sops_dir?: string;
  readonly public_key?: string;
  readonly database_url?: string;
  readonly sync?: 'after-call' | 'manual';
}

const KEYS = ['language', 'operator', 'data_dir', 'sops_dir', 'public_key', 'database_url', 'sync'] as const;

function badConfig(file: string, where: { line: number; col: number } | undefined, lang: Lang, problem: Message, fix: Message): UserError {
  const at = where ? `${file}:${where.line}:${where.col}` : file;
  return new UserError(`${at}: ${say(lang, problem)}\n  ${say(lang, fix)}`);
}

/**
 * Reads and checks the config file; undefined when there is none. Throws UserError (in `lang`) when
 * bad. The YAML parser is loaded only when there is a file: most machines have none, and every
 * command reads the settings before it starts.
 */
async function readConfigFile(file: string, lang: Lang = 'en'): Promise<ConfigFileValues | undefined> {
  let text: string;
  try {
    text = readFileCapped(file, CONFIG_FILE_LIMIT).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw badConfig(
      file,
      undefined,
      lang,
      { en: `cannot read the config file (${code}).`, uk: `не вдається прочитати файл налаштувань (${code}).` },
      { en: 'Check its permissions, or remove it to use the defaults.', uk: 'Перевірте права доступу або видаліть його, щоб діяли типові значення.' },
    );
  }
  const { isMap, isScalar, LineCounter, parseDocument } = await import('../yaml.js');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const posOf = (offset: number | undefined): { line: number; col: number } | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset);
  const first = doc.errors[0];
  if (first?.code === 'MULTIPLE_DOCS') {
    throw badConfig(
      file,
      posOf(first.pos[0]),
      lang,
      { en: "a '---' line starts a second YAML document; the config file is one document", uk: "рядок '---' починає другий документ YAML; файл налаштувань — це один документ" },
      { en: "Remove the '---' line: one \"key: value\" per line (see docs/configuration.md).", uk: "Видаліть рядок '---': по одному \"ключ: значення\" в рядку (див. docs/configuration.md)." },
    );
  }
  if (first) {
    const message = first.message.split('\n')[0] ?? first.message;
    throw badConfig(
      file,
      posOf(first.pos[0]),
      lang,
      { en: `not valid YAML: ${message}`, uk: `некоректний YAML: ${message}` },
      { en: 'Fix the YAML syntax (see docs/configuration.md).', uk: 'Виправте синтаксис YAML (див. docs/configuration.md).' },
    );
  }
  if (doc.contents === null) return {};
  const nodePos = (node: Node | null | undefined): { line: number; col: number } | undefined => posOf(node?.range?.[0]);
  if (!isMap(doc.contents)) {
    throw badConfig(
      file,
      nodePos(doc.contents),
      lang,
      { en: 'the config file must be a mapping of keys to values.', uk: 'файл налаштувань має складатися з пар «ключ: значення».' },
      { en: `Write one "key: value" per line; keys: ${KEYS.join(', ')}.`, uk: `Пишіть по одному «ключ: значення» в рядку; ключі: ${KEYS.join(', ')}.` },
    );
  }
  const values: Record<string, string> = {};
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (key === undefined || !(KEYS as readonly string[]).includes(key)) {
      throw badConfig(
        file,
        nodePos(keyNode),
        lang,
        { en: `unknown key "${key ?? '?'}".`, uk: `невідомий ключ «${key ?? '?'}».` },
        { en: `Known keys: ${KEYS.join(', ')}.`, uk: `Відомі ключі: ${KEYS.join(', ')}.` },
      );
    }
    const valueNode = pair.value as Node | null;
    if (!isScalar(valueNode) || typeof valueNode.value !== 'string' || valueNode.value.trim() === '') {
      throw badConfig(
        file,
        nodePos(valueNode) ?? nodePos(keyNode),
        lang,
        { en: `"${key}" must be a non-empty text.`, uk: `«${key}» має бути непорожнім текстом.` },
        { en: `Write it as: ${key}: <text>`, uk: `Запишіть так: ${key}: <текст>` },
      );
    }
    if (key === 'language') {
      const language = resolveLang(valueNode.value);
      if (language === undefined) {
        throw badConfig(
          file,
          nodePos(valueNode),
          lang,
          { en: `language "${valueNode.value}" is not supported.`, uk: `мова «${valueNode.value}» не підтримується.` },
          { en: `Languages available: ${languageList()}.`, uk: `Доступні мови: ${languageList()}.` },
        );
      }
      values[key] = language;
      continue;
    }
    if (key === 'sync' && valueNode.value !== 'after-call' && valueNode.value !== 'manual') {
      throw badConfig(
        file,
        nodePos(valueNode),
        lang,
        { en: `sync "${valueNode.value}" is not known.`, uk: `sync «${valueNode.value}» невідоме значення.` },
        { en: 'Use "after-call" (push to the store after each call) or "manual" (only sop sync).', uk: 'Вкажіть "after-call" (надсилати до сховища після кожного дзвінка) або "manual" (лише sop sync).' },
      );
    }
    values[key] = valueNode.value;
  }
  return values as ConfigFileValues;
}

function expandPath(path: string, base: string, env: NodeJS.ProcessEnv): string {
  if (path === '~' || path.startsWith('~/')) return join(env['HOME'] || userInfo().homedir, path.slice(1));
  return isAbsolute(path) ? path : resolve(base, path);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

type Candidate<T> = readonly [T | undefined | '' | false, SettingSource];

/** The first candidate that has a value, with its source. */
function firstOf<T>(candidates: readonly Candidate<T>[], fallback: () => T): [T, SettingSource] {
  for (const [value, source] of candidates) if (value !== undefined && value !== '' && value !== false) return [value, source];
  return [fallback(), 'default'];
}

export async function loadConfig(options: LoadConfigOptions = {}): Promise<Config> {
  const flags = options.flags ?? {};
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = configFile(env);
  // The file may be what sets the language: its errors are told in the flag's or LANG's.
  const flagLang = resolveLang(flags.lang);
  const errorLang: Lang = flagLang ?? langFromEnv(env) ?? 'en';
  const fromFile = (await readConfigFile(file, errorLang)) ?? {};
  const fileSource: SettingSource = `config file ${file}`;
  const fileDir = dirname(file);
  const fromEnv = (name: string): string | undefined => env[name] || undefined;

  if (flags.lang !== undefined && flagLang === undefined) {
    throw new UserError(say(errorLang, { en: `--lang ${flags.lang}: not a language the tool speaks. Languages available: ${languageList()}.`, uk: `--lang ${flags.lang}: програма не говорить цією мовою. Доступні мови: ${languageList()}.` }));
  }
  // The language of the config file outranks LANG: LANG says little about a shared workstation.
  const [lang, langSource] = firstOf<Lang>(
    [
      [flagLang, 'flag'],
      [fromFile.language, fileSource],
      [langFromEnv(env), 'env'],
    ],
    () => 'en',
  );
  const [operator, operatorSource] = firstOf<string>(
    [
      [flags.operator, 'flag'],
      [fromEnv('SOP_OPERATOR'), 'env'],
      [fromFile.operator, fileSource],
    ],
    // Never the login name: it is often a real name, and the operator field is meant to be a
    // pseudonym chosen by the counsellor (sop config tells them how to set one).
    () => 'anonymous',
  );
  const path = (value: string | undefined, base: string): string | undefined =>
    value ? expandPath(value, base, env) : undefined;
  const [dataDir, dataSource] = firstOf<string>(
    [
      [path(flags.dataDir, cwd), 'flag'],
      [path(fromEnv('SOP_DATA_DIR'), cwd), 'env'],
      [path(fromFile.data_dir, fileDir), fileSource],
    ],
    () => defaultDataDir(env),
  );
  // The pseudonym goes into every journal line and onto screens: one line of plain text.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(operator)) {
    const from = operatorSource === 'flag' ? '--operator' : operatorSource === 'env' ? 'SOP_OPERATOR' : operatorSource;
    throw new UserError(
      say(lang, {
        en: `the operator name from ${from} holds a line break or control characters.\n  Use one line of plain text, a pseudonym such as counsellor-7.`,
        uk: `ім'я оператора з ${from} містить розрив рядка або керівні символи.\n  Вкажіть один рядок звичайного тексту, псевдонім на кшталт counsellor-7.`,
      }),
    );
  }
  const [sopsDir, sopsSource] = firstOf<string>(
    [
      [path(flags.sopsDir, cwd), 'flag'],
      [path(fromEnv('SOP_SOPS_DIR'), cwd), 'env'],
      [path(fromFile.sops_dir, fileDir), fileSource],
    ],
    () => (isDirectory(join(cwd, 'sops')) ? join(cwd, 'sops') : join(packageRoot(), 'sops')),
  );

  return {
    lang,
    operator,
    dataDir,
    sopsDir,
    ...(fromFile.public_key ? { publicKey: fromFile.public_key } : {}),
    ...(fromEnv('SOP_DATABASE_URL') ?? fromFile.database_url ? { databaseUrl: (fromEnv('SOP_DATABASE_URL') ?? fromFile.database_url)! } : {}),
    ...(fromFile.sync ? { sync: fromFile.sync } : {}),
    configFile: file,
    sources: {
      lang: langSource,
      operator: operatorSource,
      dataDir: dataSource,
      sopsDir: sopsSource,
      ...(fromFile.public_key ? { publicKey: fileSource } : {}),
    },
  };
}

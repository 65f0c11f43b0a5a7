/**
 * `sync: after-call` in the config file: when a call's journal is closed, `sop sync --quiet` starts
 * in the background (detached, no terminal): the call screen never waits for the network. A
 * background sync that fails leaves one calm line in <dataDir>/sync/failed; the next call shows
 * it once, and that call's own sync tries again.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config/load-config.js';
import { DIR_MODE, FILE_MODE } from '../journal/files.js';
import { say } from '../i18n.js';

const failedFile = (dataDir: string): string => join(dataDir, 'sync', 'failed');

export const BACKGROUND = 'SOP_SYNC_BACKGROUND';

export async function syncAfterCall(config: Config): Promise<void> {
  if (config.sync !== 'after-call' || config.databaseUrl === undefined) return;
  const failed = failedFile(config.dataDir);
  let last: string | undefined;
  try {
    last = readFileSync(failed, 'utf8').trim();
    rmSync(failed, { force: true });
  } catch {
    last = undefined;
  }
  if (last) {
    process.stderr.write(
      say(config.lang, {
        en: `sop: the last sync to the store did not finish (${last}). Nothing is lost: this call is in the journal, and sync is trying again now.\n`,
        uk: `sop: остання синхронізація зі сховищем не завершилася (${last}). Нічого не втрачено: дзвінок є в журналі, синхронізація пробує знову.\n`,
      }),
    );
  }
  const script = process.argv[1];
  if (script === undefined) return;
  const child = spawn(process.execPath, [script, 'sync', '--quiet', '--data-dir', config.dataDir, '--lang', config.lang], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, [BACKGROUND]: '1' },
  });
  child.on('error', () => undefined);
  child.unref();
}

/** In the background sync: what went wrong, kept for the next call to say (or cleared after a good run). */
export function noteBackgroundResult(dataDir: string, problem: string | undefined): void {
  const file = failedFile(dataDir);
  if (problem === undefined) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dirname(file), { recursive: true, mode: DIR_MODE });
  writeFileSync(file, `${problem.replace(/\s+/g, ' ').replace(/^sop: /, '')}\n`, { mode: FILE_MODE });
}

/**
 * Prints a self-contained HTML page to PDF through a headless Chromium: a private temporary
 * folder for the page and Chromium's profile (removed whatever happens), no network, a time
 * limit after which Chromium is killed, and a UserError that says what to do instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { refuseOutputInJournal } from '../journal/files.js';
import { findOnPath } from '../find-on-path.js';

/** How long Chromium may take to print before it is killed. */
const CHROMIUM_TIMEOUT_MS = 60_000;

/** Chromium: $SOP_CHROMIUM, else chromium, chromium-browser or google-chrome on PATH (nothing is run). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env['SOP_CHROMIUM'];
  if (own) return own;
  return findOnPath(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'], env);
}

export function printPdf(html: string, chromium: string, output: string, lang: Lang, dataDir: string): void {
  refuseOutputInJournal(output, dataDir, lang, 'handbook.pdf');
  const target = resolve(output);
  // A private folder (0700) for the page and Chromium's own profile; removed whatever happens.
  const dir = mkdtempSync(join(tmpdir(), 'sop-docs-'));
  try {
    const page = join(dir, 'handbook.html');
    writeFileSync(page, html, { mode: 0o600 });
    const before = existsSync(target) ? statSync(target).mtimeMs : undefined;
    const result = spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${target}`,
        '--no-pdf-header-footer',
        pathToFileURL(page).href,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: CHROMIUM_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
    );
    const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    const written = existsSync(target) && statSync(target).size > 0 && statSync(target).mtimeMs !== before;
    if (timedOut || result.error || result.status !== 0 || !written) {
      const why = timedOut
        ? say(lang, { en: `it did not finish in ${CHROMIUM_TIMEOUT_MS / 1000} s and was stopped`, uk: `він не впорався за ${CHROMIUM_TIMEOUT_MS / 1000} с і його зупинено` })
        : result.error
          ? result.error.message
          : (lastLines(result.stderr?.toString() ?? '') || `exit ${result.status}`);
      throw new UserError(
        say(lang, {
          en: `${chromium} could not print the PDF: ${why}.\n  Write --format html and print it from a browser instead.`,
          uk: `${chromium} не зміг надрукувати PDF: ${why}.\n  Створіть --format html і надрукуйте його з браузера.`,
        }),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write(say(lang, { en: `sop: wrote ${output}\n`, uk: `sop: записано ${output}\n` }));
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').trim();
}

/**
 * `sop log purge --older-than 90d`: the command. The retention itself, crash-safe and
 * re-chaining, is src/shell/journal/purge-journal.ts.
 */
import { loadConfig } from '../config/load-config.js';
import { EXIT, UserError } from '../exit-codes.js';
import { safeJson } from '../text/safe-json.js';
import { say } from '../i18n.js';
import { parseCutoff, purgeJournal, type PurgeReport } from '../journal/purge-journal.js';

export interface PurgeOptions {
  readonly olderThan: string;
  readonly dataDir?: string;
  readonly dryRun?: boolean;
  readonly lang?: string;
  readonly format?: 'text' | 'json';
  /** --db [url]: purge the shared store instead (a supervisor's login). */
  readonly db?: string | boolean;
}

export async function runPurge(options: PurgeOptions): Promise<number> {
  const config = await loadConfig({
    flags: { ...(options.lang !== undefined ? { lang: options.lang } : {}), ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}) },
  });
  const { lang } = config;
  const now = new Date();
  const cutoff = parseCutoff(options.olderThan, now, lang);
  if (cutoff > now.getTime()) {
    throw new UserError(say(lang, { en: `--older-than ${options.olderThan} is in the future`, uk: `--older-than ${options.olderThan} — це дата в майбутньому` }));
  }
  if (options.db !== undefined) return purgeStore(options.db, config, cutoff, options);
  let report: PurgeReport;
  try {
    report = purgeJournal(config.dataDir, cutoff, { dryRun: options.dryRun === true, lang, now });
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(
      say(lang, {
        en: `purge stopped (${code}) in ${config.dataDir}; every journal file is either as before or fully purged. Check the disk, then run "sop log verify" and purge again.`,
        uk: `purge зупинено (${code}) у ${config.dataDir}; кожен файл журналу або як раніше, або повністю очищений. Перевірте диск, потім виконайте "sop log verify" і повторіть purge.`,
      }),
    );
  }
  for (const text of report.recovered) process.stderr.write(`sop: ${text}\n`);
  const cut = new Date(cutoff).toISOString();
  if (options.format === 'json') {
    process.stdout.write(`${safeJson(JSON.stringify({ cutoff: cut, dryRun: options.dryRun === true, ...report }, null, 2))}\n`);
  } else {
    for (const s of report.removed) process.stdout.write(`${s.id}\t${s.sop}\t${s.startedAt}\t${s.endedAt}\t${s.status}\t${s.file}\n`);
    for (const path of report.removedFiles) process.stdout.write(`${path}\n`);
    const verb = options.dryRun ? say(lang, { en: 'Would remove', uk: 'Буде видалено' }) : say(lang, { en: 'Removed', uk: 'Видалено' });
    process.stderr.write(
      say(lang, {
        en: `${verb} ${report.removed.length} session(s) that ended before ${cut}${report.removedFiles.length ? ` and ${report.removedFiles.length} torn-line file(s)` : ''}.${options.dryRun ? ' (dry run: nothing changed)' : report.removed.length ? ' The kept lines were re-chained; "sop log verify" checks them.' : ''}\n`,
        uk: `${verb} сесій, що завершилися до ${cut}: ${report.removed.length}${report.removedFiles.length ? `, файлів обірваних рядків: ${report.removedFiles.length}` : ''}.${options.dryRun ? ' (пробний запуск: нічого не змінено)' : report.removed.length ? ' Решту рядків переланцюжено; перевірка: "sop log verify".' : ''}\n`,
      }),
    );
  }
  for (const skip of report.skipped) process.stderr.write(`sop: ${skip.file}: ${say(lang, { en: 'not purged', uk: 'не очищено' })}: ${skip.reason}\n`);
  return report.skipped.length > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * `sop log purge --db`: completed sessions that ended before the cut-off leave the store, in one
 * transaction (sop_purge, a supervisor's right); each leaves a tombstone so a machine that still
 * has it never sends it again. Unfinished sessions stay: their call may still be resumed.
 */
async function purgeStore(db: string | boolean, config: Awaited<ReturnType<typeof loadConfig>>, cutoff: number, options: PurgeOptions): Promise<number> {
  const { lang } = config;
  const { withStore } = await import('../store/read.js');
  const [row] = await withStore(db, config, (store) =>
    store.query<{ sessions: number; lines: number }>('select * from sop_purge($1, $2)', [new Date(cutoff).toISOString(), options.dryRun === true]),
  );
  const cut = new Date(cutoff).toISOString();
  const { sessions, lines } = row ?? { sessions: 0, lines: 0 };
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ cutoff: cut, dryRun: options.dryRun === true, sessions, lines }, null, 2)}\n`);
  } else {
    process.stderr.write(
      say(lang, {
        en: `${options.dryRun ? 'Would remove' : 'Removed'} ${sessions} completed session(s) (${lines} lines) that ended before ${cut} from the store.${options.dryRun ? ' (dry run: nothing changed)' : ''}\n`,
        uk: `${options.dryRun ? 'Буде видалено' : 'Видалено'} зі сховища завершених сесій, що закінчилися до ${cut}: ${sessions} (рядків: ${lines}).${options.dryRun ? ' (пробний запуск: нічого не змінено)' : ''}\n`,
      }),
    );
  }
  return EXIT.ok;
}

/** `sop sync`: the summary line, conflicts and refusals on stderr, a progress bar on a terminal. */
import { loadConfig } from '../config/load-config.js';
import { EXIT } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import type { SyncReport } from '../store/sync.js';
import { storeUrl } from '../store/url.js';

/** The options of `sop sync`: this command owns them; cli/define-sync.ts only parses argv into them. */
export interface SyncCliOptions {
  readonly db?: string;
  readonly dataDir?: string;
  readonly dryRun?: boolean;
  readonly full?: boolean;
  readonly quiet?: boolean;
  readonly lang?: string;
}

function progressBar(lang: Lang): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let shown = -1;
  return (done, total) => {
    if (total < 2000) return; // small pushes end before a bar helps
    const percent = Math.floor((done / total) * 100);
    if (percent === shown) return;
    shown = percent;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${say(lang, { en: 'sync', uk: 'синхр.' })} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

function summaryLine(report: SyncReport, dryRun: boolean, lang: Lang): string {
  const parts = say(lang, {
    en: `${dryRun ? 'would send' : 'sent'} ${report.sent}, already there ${report.there}, conflicts ${report.conflicts.length}${report.refused.length ? `, refused ${report.refused.length}` : ''}${report.held ? `, held back ${report.held}` : ''}${report.purged ? `, purged in the store ${report.purged}` : ''}`,
    uk: `${dryRun ? 'було б надіслано' : 'надіслано'} ${report.sent}, уже були ${report.there}, конфліктів ${report.conflicts.length}${report.refused.length ? `, відхилено ${report.refused.length}` : ''}${report.held ? `, затримано ${report.held}` : ''}${report.purged ? `, очищено в сховищі ${report.purged}` : ''}`,
  });
  return `sop sync: ${parts}${report.unchanged ? say(lang, { en: ' (nothing changed since the last sync)', uk: ' (нічого не змінилося з останньої синхронізації)' }) : ''}\n`;
}

export async function runSync(options: SyncCliOptions): Promise<number> {
  if (process.env['SOP_SYNC_BACKGROUND'] === '1') return background(options);
  return foreground(options);
}

/** The sync `sync: after-call` starts: no terminal; a failure is kept for the next call to say once. */
async function background(options: SyncCliOptions): Promise<number> {
  const { noteBackgroundResult } = await import('../store/after-call.js');
  const config = await loadConfig({ flags: { ...(options.lang ? { lang: options.lang } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) } });
  let problem: string | undefined;
  let code: number;
  const write = process.stderr.write.bind(process.stderr);
  let said = '';
  process.stderr.write = ((chunk: string | Uint8Array) => ((said += String(chunk)), true)) as typeof process.stderr.write;
  try {
    code = await foreground({ ...options, quiet: true });
    if (code !== EXIT.ok) problem = said.trim().split('\n').pop();
  } catch (error) {
    code = EXIT.usage;
    problem = error instanceof Error ? error.message : String(error);
  } finally {
    process.stderr.write = write;
  }
  noteBackgroundResult(config.dataDir, problem);
  return code;
}

async function foreground(options: SyncCliOptions): Promise<number> {
  const config = await loadConfig({
    flags: { ...(options.lang ? { lang: options.lang } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) },
  });
  const { lang } = config;
  const url = storeUrl(options.db, config.databaseUrl, lang);
  const { sync } = await import('../store/sync.js');
  const progress = options.quiet ? undefined : progressBar(lang);
  const report = await sync({
    dataDir: config.dataDir,
    url,
    ...(options.dryRun ? { dryRun: true } : {}),
    ...(options.full ? { full: true } : {}),
    // Lines per transaction (default 20,000); small values make many commits, for tests of kills.
    ...(Number(process.env['SOP_SYNC_BATCH_LINES']) > 0 ? { batchLines: Number(process.env['SOP_SYNC_BATCH_LINES']) } : {}),
    // SOP_SYNC_COPY=0: lines go as array parameters, not COPY (a proxy that does not pass COPY).
    ...(process.env['SOP_SYNC_COPY'] === '0' ? { copy: false } : {}),
    ...(progress ? { onProgress: progress } : {}),
    connect: async () => {
      const { openStore, requireSchema } = await import('../store/db.js');
      const store = await openStore(url, lang);
      try {
        await requireSchema(store);
      } catch (error) {
        await store.close();
        throw error;
      }
      return store;
    },
  });
  for (const c of report.conflicts) {
    process.stderr.write(
      say(lang, {
        en: `sop sync: conflict: ${c.where}: session ${c.session} line ${c.seq} differs from the copy in the store; the store's copy is kept. Check this journal with sop log verify.\n`,
        uk: `sop sync: конфлікт: ${c.where}: сесія ${c.session}, рядок ${c.seq} відрізняється від копії в сховищі; копію сховища збережено. Перевірте журнал: sop log verify.\n`,
      }),
    );
  }
  for (const r of report.refused) {
    process.stderr.write(
      say(lang, {
        en: `sop sync: refused: ${r.where}${r.session ? ` (session ${r.session} line ${r.seq})` : ''}: ${r.detail ?? ''}; nothing after it in that file was sent. Check it with sop log verify.\n`,
        uk: `sop sync: відхилено: ${r.where}${r.session ? ` (сесія ${r.session}, рядок ${r.seq})` : ''}: ${r.detail ?? ''}; нічого після нього в цьому файлі не надіслано. Перевірте: sop log verify.\n`,
      }),
    );
  }
  const problems = report.conflicts.length > 0 || report.refused.length > 0;
  if (!options.quiet || problems) process.stderr.write(summaryLine(report, options.dryRun ?? false, lang));
  return problems ? EXIT.findings : EXIT.ok;
}

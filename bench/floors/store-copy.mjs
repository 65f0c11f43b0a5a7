// The floor of `sop sync` in bench/store.mjs: a bare COPY of the same rows through pg. Reads the
// journal files, parses each line (its session and seq, as sync must), hashes it, and COPYs every
// row into a copy of sop_lines (same columns, keys and indexes; no checks, no conflicts).
//   node bench/floors/store-copy.mjs URL SCHEMA TABLE DATADIR
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const [url, schema, table, dataDir] = process.argv.slice(2);
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query(`set search_path to "${schema}"`);
const esc = (text) => text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
function* rows() {
  for (const mode of ['calls', 'training']) {
    let names = [];
    try {
      names = readdirSync(join(dataDir, 'journal', mode)).filter((n) => n.endsWith('.jsonl'));
    } catch {}
    for (const name of names) {
      const file = `${mode}/${name.replace('.jsonl', '')}`;
      const lines = readFileSync(join(dataDir, 'journal', mode, name), 'utf8').split('\n').filter(Boolean);
      let chunk = '';
      for (const raw of lines) {
        const line = JSON.parse(raw);
        const hash = createHash('sha256').update(raw).digest('hex');
        const body = createHash('sha256').update(raw.slice(0, -75)).digest('hex');
        chunk += `j\t${line.session}\t${line.seq}\t${mode === 'calls' ? 'live' : 'training'}\t${file}\t${esc(raw)}\t${hash}\t${body}\t${line.prev}\t\\N\t\\N\t\\N\tbench\t${esc(raw)}\n`;
        if (chunk.length > 65536) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    }
  }
}
const copy = client.query(copyFrom(`copy ${table} (journal, session, seq, mode, file, raw, hash, body_hash, prev, prev_session, prev_seq, pred_prev, counsellor, line) from stdin`));
await pipeline(Readable.from(rows()), copy);
await client.end();

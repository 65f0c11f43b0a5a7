// The embedded PostgreSQL for the store tests when no SOP_TEST_DATABASE_URL is given: PGlite (a
// WASM build of PostgreSQL, from npm) served over a TCP socket so that `pg` connects to it as to
// any server. A process of its own, so a test can stop it mid-sync. Prints its port, then serves.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// argv: [port] [data dir]: with a folder, a restart on it finds what was stored before.
const db = await PGlite.create(process.argv[3] ? { dataDir: process.argv[3] } : {});
const server = new PGLiteSocketServer({ db, port: Number(process.argv[2] ?? 0), host: '127.0.0.1', maxConnections: 64 });
await server.start();
process.stdout.write(`${server.port ?? server.server.address().port}\n`);
const stop = async () => {
  await server.stop().catch(() => undefined);
  await db.close().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

/** Bundled as dist/cli.js. Sets the process exit code from main() without cutting output short. */
import { main } from './main.js';

export async function run(argv: readonly string[]): Promise<void> {
  const code = await main(argv);
  process.exitCode = code;
}

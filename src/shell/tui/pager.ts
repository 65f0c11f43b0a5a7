/**
 * Long output through a pager, as git does: only when stdout is a terminal and the text is taller
 * than the screen; $PAGER (run by the shell, so "less -R" works), else `less -R`. Piped output
 * is never paged. When the pager cannot start (not installed, exits 127/126), the text is printed
 * directly, so the command never hangs nor loses its output.
 */
import { spawn } from 'node:child_process';

export async function writePaged(text: string, out: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (!out.isTTY || lines < (out.rows || 24)) {
    out.write(text);
    return;
  }
  const command = env['PAGER']?.trim() || 'less -R';
  await new Promise<void>((resolve) => {
    let done = false;
    const direct = (): void => {
      if (done) return;
      done = true;
      out.write(text);
      resolve();
    };
    const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: { ...env, LESS: env['LESS'] ?? 'FRX' } });
    child.on('error', direct);
    child.on('close', (code) => {
      if (code === 127 || code === 126) return direct();
      if (!done) {
        done = true;
        resolve();
      }
    });
    // The reader quit before the end (q in less): not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

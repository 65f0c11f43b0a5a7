/**
 * The progress of a long read on a terminal (replay --check over a year of journals): a bar by
 * bytes read and the calls checked so far, redrawn in place at most once per percent, erased when
 * done so the report starts on a clean line. Twenty lines do not need a library: the bar is
 * ASCII, of fixed width (≤ 80 columns with any count), and has no spinner or timing to manage.
 */
export type Progress = (done: number, calls: number, finished?: boolean) => void;

const WIDTH = 30;

export function progressBar(total: number, stream: { write(text: string): unknown }): Progress {
  let shown = -1;
  return (done, calls, finished = false) => {
    if (finished) {
      stream.write('\r\u001b[K');
      return;
    }
    const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    if (percent === shown) return;
    shown = percent;
    const filled = Math.round((percent / 100) * WIDTH);
    stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${percent}%  ${calls}`);
  };
}

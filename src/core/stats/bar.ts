/** A horizontal bar for a count: unicode eighth blocks, or '#' in plain ASCII. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export function bar(value: number, max: number, width: number, ascii: boolean): string {
  if (max <= 0 || value <= 0) return '';
  const cells = (value / max) * width;
  if (ascii) return '#'.repeat(Math.max(1, Math.round(cells)));
  const whole = Math.floor(cells);
  const eighths = Math.round((cells - whole) * 8);
  const text = '█'.repeat(whole) + (eighths === 8 ? '█' : EIGHTHS[eighths]!);
  return text || '▏';
}

/** Ukrainian plural forms with the count: 1 помилка, 2 помилки, 5 помилок, 11 помилок, 21 помилка. */
export function pluralUk(count: number, one: string, few: string, many: string): string {
  const last = count % 10;
  const lastTwo = count % 100;
  const form = last === 1 && lastTwo !== 11 ? one : last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
  return `${count} ${form}`;
}

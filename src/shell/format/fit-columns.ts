/**
 * The width a table or tree is fitted to: the terminal's columns when the output is a terminal;
 * none (every value whole) when it is piped to a file or a program, or with `--wide`, so that
 * scripts and `grep` always see the full text.
 */
export function fitColumns(stream: { readonly isTTY?: boolean; readonly columns?: number }, wide: boolean | undefined): number | undefined {
  return stream.isTTY && !wide ? stream.columns || 80 : undefined;
}

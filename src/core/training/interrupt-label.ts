import type { Library } from '../model/library.js';
import type { Localized } from '../model/sop.js';

/** The label of interrupt `key` as SOP `sop` declares it, else as any SOP of the library does. */
export function interruptLabel(library: Library, sop: string, key: string): Localized | undefined {
  const sops = [library.sops.get(sop), ...library.sops.values()];
  return sops.flatMap((loaded) => loaded?.sop.interrupts ?? []).find((interrupt) => interrupt.key === key)?.label;
}

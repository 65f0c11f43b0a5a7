/** Every shipped SOP at 80x24 and 60x24 in English, and ticks kept on an interrupt (screen-fit.ts). */
import { interruptKeepsTicks, useHomes, walkEverySop } from './screen-fit.js';

useHomes();
walkEverySop('en');
interruptKeepsTicks();

/** Every shipped SOP at 80x24 and 60x24 in Ukrainian (screen-fit.ts). */
import { useHomes, walkEverySop } from './screen-fit.js';

useHomes();
walkEverySop('uk');

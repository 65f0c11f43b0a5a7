/**
 * The two inquirer prompts the shell uses: the SOP menu and yes/no questions. Imported through
 * this module so the bundle keeps only these two: a dynamic import of '@inquirer/prompts' itself
 * pulls in every prompt, the editor one with its text-encoding tables (about 750 KB).
 */
export { confirm, select } from '@inquirer/prompts';

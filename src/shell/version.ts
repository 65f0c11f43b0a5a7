/**
 * This build's version, the one place it is read: esbuild writes package.json's version into
 * `__SOP_VERSION__` (scripts/build.mjs); run from source (tests, tsx) it is `0.0.0-dev`.
 */
declare const __SOP_VERSION__: string;

export const VERSION: string = typeof __SOP_VERSION__ === 'string' ? __SOP_VERSION__ : '0.0.0-dev';

/**
 * The parts of `yaml` the shell uses for small files (the config file, an answers file), imported
 * dynamically through this module so the parser loads only when such a file is read. A dynamic
 * import of 'yaml' itself would give the bundle's CommonJS wrapper, whose only export is default.
 */
export { isMap, isScalar, LineCounter, parse, parseDocument } from 'yaml';

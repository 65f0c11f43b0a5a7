/** Settings: flags > environment > config file > defaults, each with its source. */
export { loadConfig, readConfigFile, type Config, type ConfigFlags, type LoadConfigOptions, type SettingSource, type ConfigFileValues } from './load-config.js';
export { packageRoot } from './package-root.js';

/**
 * Every command's definition, in the order `sop --help` lists them. A definition adds its
 * command, options and examples to the program; its action imports the command's module lazily.
 * Every text of a definition is an `{ en, uk }` pair handed to `t`, which picks the language
 * main.ts chose once for this process.
 */
import type { Command } from 'commander';
import type { Message } from '../i18n.js';

import { defineValidate } from './validate.js';
import { defineSchema } from './schema.js';
import { defineReplay } from './replay.js';
import { defineTest } from './test.js';
import { defineGraph } from './graph.js';
import { defineDocs } from './docs.js';
import { defineStats } from './stats.js';
import { defineRun } from './run.js';
import { defineResume } from './resume.js';
import { defineTrain } from './train.js';
import { defineLog } from './log.js';
import { defineConfig } from './config.js';
import { defineKeys } from './keys.js';

/** A help text in the language of this process's help. */
export type Say = (message: Message) => string;

export type CommandDefinition = (program: Command, t: Say) => void;

export const commandDefinitions: CommandDefinition[] = [defineRun, defineResume, defineTrain, defineTest, defineReplay, defineGraph, defineDocs, defineStats, defineValidate, defineSchema, defineLog, defineConfig, defineKeys];

/**
 * One operator command: its flags (node's parseArgs, then a zod schema, so a bad value is refused before anything
 * connects), its help, and what it does once connected.
 */
import type { ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import type { z } from 'zod';
import type { Ops } from './connection';
import type { PlanResult } from './plan';

/** What a command made: the plan's result, plus what the operator needs next (a pool address, an operation id). */
export type CommandResult = PlanResult & { outputs: Record<string, string> };

export type OpsCommand = {
  name: string;
  summary: string;
  /** The command's own flags, as in `npm run ops -- <name> <usage>`. */
  usage: string;
  /** One line per flag and any notes. */
  help: readonly string[];
  options: ParseArgsOptionsConfig;
  flags: z.ZodType;
  run: (input: never, ops: Ops) => Promise<CommandResult>;
};

/** Declares a command with its input typed by its flag schema. */
export function defineCommand<S extends z.ZodType>(command: {
  name: string;
  summary: string;
  usage: string;
  help: readonly string[];
  options: ParseArgsOptionsConfig;
  flags: S;
  run: (input: z.infer<S>, ops: Ops) => Promise<CommandResult>;
}): OpsCommand {
  return command as unknown as OpsCommand;
}

export function withOutputs(result: PlanResult, outputs: Record<string, string> = {}): CommandResult {
  return { ...result, outputs };
}

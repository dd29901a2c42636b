/**
 * The operators' command line as a function: argv in, exit code (and what the command made) out. cli.ts runs it
 * for `npm run ops`; tests call it directly with their own environment.
 */
import { parseArgs } from 'node:util';
import { activate } from './commands/activate';
import { deployCapital, markImpairment, recordRepayment } from './commands/capital';
import { createPool } from './commands/create-pool';
import { registerAsset } from './commands/register-asset';
import { registerProject } from './commands/register-project';
import { distributeRevenue, reportUtilization } from './commands/revenue';
import { setAssetStatus } from './commands/set-asset-status';
import { setLimits } from './commands/set-limits';
import { timelockExecute } from './commands/timelock-execute';
import type { CommandResult, OpsCommand } from './command';
import { connect, type OpsIo } from './connection';
import { COMMON_HELP, COMMON_OPTIONS, parseCommonFlags, parseFlags } from './flags';
import { OpsError } from './ops-error';
import { printable, quoted } from './untrusted-text';

/** In the order of a pool's life. */
export const COMMANDS: readonly OpsCommand[] = [
  registerProject,
  createPool,
  registerAsset,
  activate,
  setLimits,
  timelockExecute,
  setAssetStatus,
  deployCapital,
  distributeRevenue,
  reportUtilization,
  recordRepayment,
  markImpairment,
];

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Machine Yield back office: npm run ops -- <command> [flags]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `npm run ops -- <command> --help` for its flags. Every command validates its input and the chain state',
    'first, simulates its calls, then sends them with a key, or writes a Safe batch (--safe), or only prints the',
    'plan (--dry-run).',
  ].join('\n');
}

export function commandHelp(command: OpsCommand): string {
  return [
    `npm run ops -- ${command.name} ${command.usage}`,
    `  ${command.summary}`,
    '',
    ...command.help,
    '',
    ...COMMON_HELP,
  ].join('\n');
}

export async function runOps(argv: readonly string[], io: OpsIo): Promise<{ code: number; result?: CommandResult }> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.log(generalHelp());
    return { code: name === undefined ? 1 : 0 };
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.error(`unknown command ${quoted(name)}: one of ${COMMANDS.map((c) => c.name).join(', ')}`);
    return { code: 1 };
  }
  try {
    let values: Record<string, string | boolean | undefined>;
    try {
      ({ values } = parseArgs({
        args: [...rest],
        options: { ...COMMON_OPTIONS, ...command.options },
        strict: true,
        allowPositionals: false,
      }) as { values: Record<string, string | boolean | undefined> });
    } catch (error) {
      throw new OpsError(`${(error as Error).message.split('. ')[0]} (see npm run ops -- ${name} --help)`);
    }
    if (values.help) {
      io.log(commandHelp(command));
      return { code: 0 };
    }
    const common = parseCommonFlags(values);
    const own = Object.fromEntries(Object.keys(command.options).map((k) => [k, values[k]]));
    const input = parseFlags(command.flags, own);
    const ops = await connect(common, io);
    const result = await command.run(input as never, ops);
    return { code: 0, result };
  } catch (error) {
    if (error instanceof OpsError) {
      io.error(printable(`${name}: ${error.message}`));
    } else {
      io.error(printable(`${name} failed: ${(error as Error).message?.split('\n')[0] ?? String(error)}`));
      if (io.env.OPS_DEBUG) io.error(printable(String((error as Error).stack)));
    }
    return { code: 1 };
  }
}

import fs from 'node:fs';
import path from 'node:path';
import type { Hex } from 'viem';

/** Creation bytecode from forge's output; the ABIs come from the generated lib/contracts/abis.ts. */
export function creationBytecode(contract: string): Hex {
  const file = path.join(process.cwd(), 'contracts', 'out', `${contract}.sol`, `${contract}.json`);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run contracts:build\` first.`);
  }
  const artifact = JSON.parse(fs.readFileSync(file, 'utf8')) as { bytecode: { object: Hex } };
  return artifact.bytecode.object;
}

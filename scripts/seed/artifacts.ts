import fs from 'node:fs';
import path from 'node:path';
import type { Abi, Hex } from 'viem';

type Artifact = { abi: Abi; bytecode: { object: Hex } };

function readArtifact(contract: string): Artifact {
  const file = path.join(process.cwd(), 'contracts', 'out', `${contract}.sol`, `${contract}.json`);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run contracts:build\` first.`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Artifact;
}

/** Creation bytecode from forge's output; the app's ABIs come from the generated lib/contracts/abis.ts. */
export function creationBytecode(contract: string): Hex {
  return readArtifact(contract).bytecode.object;
}

/** ABI of a contract that only tools use (benchmark baselines), straight from forge's output. */
export function toolAbi(contract: string): Abi {
  return readArtifact(contract).abi;
}

/**
 * Fails when lib/contracts/abis.ts is not what the contracts compile to: ABIs are generated, never edited.
 * Rebuilds the contracts, regenerates the file, and compares.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const file = path.join(process.cwd(), 'lib', 'contracts', 'abis.ts');
const before = fs.readFileSync(file, 'utf8');
const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);
execFileSync(bin('forge'), ['build', '--quiet', '--skip', 'test'], {
  cwd: path.join(process.cwd(), 'contracts'),
  stdio: 'inherit',
});
execFileSync(bin('wagmi'), ['generate'], { stdio: 'pipe' });
const after = fs.readFileSync(file, 'utf8');
if (before !== after) {
  console.error(
    'lib/contracts/abis.ts was out of date with the contracts. It has been regenerated: review and commit it.',
  );
  process.exit(1);
}
console.log('lib/contracts/abis.ts matches the compiled contracts.');

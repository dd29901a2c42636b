/**
 * `npm run deploy -- --config deploy/<network>.json [--rpc-url URL] [--dry-run] [--force | --replace-live-manifest]
 *                    [--allow-fork] [--allow-other-usdc] [--allow-short-delay] [--keystore FILE | --private-key-env NAME]`
 * Deploys the protocol against the chain's existing USDC, hands every role to the config's holders, verifies it,
 * and writes deployments/<chainId>.json; resumable from its journal if interrupted. See command.ts.
 */
import { deployCommand } from './command';

void deployCommand(process.argv.slice(2), {
  env: process.env,
  log: (line) => console.log(line),
  error: (line) => console.error(line),
}).then((code) => process.exit(code));

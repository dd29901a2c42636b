/** What the deployer reads at the end: each address, who holds each role, and what to do next. */
import type { DeployConfig } from '../../lib/deployments/deploy-config';
import type { Manifest } from '../../lib/deployments/manifest';
import { rpcOrigin } from './connection';

export function deploySummary(
  manifest: Manifest,
  config: DeployConfig,
  manifestFile: string,
  rpcUrl: string,
): string[] {
  const { contracts } = manifest;
  const { roles } = config;
  const holder = (h: { address: string; kind: string }) =>
    h.kind === 'unspecified' ? h.address : `${h.address} (${h.kind})`;
  const days = (seconds: number) => (seconds % 86_400 === 0 ? `${seconds / 86_400} days` : `${seconds} s`);
  const chain = manifest.chainId;
  return [
    `Protocol on chain ${chain} (start block ${manifest.startBlock}), manifest ${manifestFile}:`,
    `  USDC                   ${contracts.USDC.address}  (existing, not deployed)`,
    `  HardwareAssetRegistry  ${contracts.HardwareAssetRegistry.address}`,
    `  ProtocolTimelock       ${contracts.ProtocolTimelock?.address ?? '-'}  (delay ${days(config.timelockDelaySeconds)})`,
    `  PoolFactory            ${contracts.PoolFactory.address}  (fee ${config.protocolFeeBps / 100} %, revenue streams over ${config.revenueStreamDays} days)`,
    'Roles (the deployer holds none):',
    `  admin             ${holder(roles.admin)}: registry and factory admin (registers projects, creates pools)`,
    `  timelockProposer  ${holder(roles.timelockProposer)}: proposes and cancels the pools' admin actions`,
    `  timelockExecutor  ${roles.timelockExecutor ? holder(roles.timelockExecutor) : 'anyone'}: executes them once the delay is over`,
    `  guardian          ${holder(roles.guardian)}: pauses pools, cancels timelock operations`,
    `  manager           ${holder(roles.manager)}: deploys capital within the limits (pools' default)`,
    `  reporter          ${holder(roles.reporter)}: distributes revenue, reports utilization`,
    `  compliance        ${holder(roles.compliance)}: allowlists of permissioned pools`,
    `  registrar         ${holder(roles.registrar)}: registers hardware assets`,
    `  treasury          ${holder(roles.treasury)}: receives the protocol fee`,
    'Next steps:',
    `  1. Keep ${manifestFile} (commit it for a shared network): the app, the indexer and npm run ops read it.`,
    `  2. Back office, in this order: npm run ops -- register-project | create-pool | register-asset | activate |`,
    `     set-limits | timelock-execute ... with the same --rpc-url (${rpcOrigin(rpcUrl)}); for a Safe role, --safe <address> --out`,
    `     batch.json writes a Transaction Builder batch. See npm run ops -- --help.`,
    `  3. Indexer: CHAIN_ID=${chain} RPC_URL=<rpc> DATABASE_URL=<postgres> PONDER_SCHEMA=<per deploy> npm run indexer:start`,
    `  4. App: CHAIN_ID=${chain} RPC_URL=<rpc> INDEXER_URL=<indexer> next build && next start (or Vercel; README).`,
    `     Beside other chains, both take CHAIN_IDS=<default>,${chain},... with RPC_URL_${chain}=<rpc> for each.`,
  ];
}

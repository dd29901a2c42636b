/**
 * The wallet stack's core (wagmi, its viem clients, TanStack Query), without RainbowKit. A press on Connect
 * imports it beside the stack (WalletIsland's islandCode): its chunks are smaller than RainbowKit's, so they
 * arrive and run while the browser is still parsing RainbowKit, instead of all of it running in one long task
 * once the last chunk is in. Nothing reads these exports; they name what the stack and RainbowKit's modal use,
 * so that those modules are the ones that run early.
 */
export {
  cookieStorage,
  cookieToInitialState,
  createConfig,
  createStorage,
  http,
  useAccount,
  useAccountEffect,
  useBalance,
  useChainId,
  useClient,
  useConfig,
  useConnect,
  useDisconnect,
  useEnsAvatar,
  useEnsName,
  useSignMessage,
  useSwitchChain,
  WagmiContext,
  WagmiProvider,
} from 'wagmi';
export { hydrate, reconnect } from '@wagmi/core';
export { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';

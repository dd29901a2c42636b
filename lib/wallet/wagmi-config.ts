import { connectorsForWallets } from '@rainbow-me/rainbowkit';
import {
  injectedWallet,
  metaMaskWallet,
  rainbowWallet,
  safeWallet,
  walletConnectWallet,
} from '@rainbow-me/rainbowkit/wallets';
import { cookieStorage, createConfig, createStorage, http } from 'wagmi';
import { appChain, type ChainSettings } from '../chain/app-chain';

/** The chains the app serves, its default first, as the server's environment names them. */
export type WalletSettings = { chains: [ChainSettings, ...ChainSettings[]]; walletConnectProjectId?: string };

/**
 * A fresh wagmi config per provider mount (held in useState), never a module singleton: on the server a
 * shared config would carry one visitor's connection into the next visitor's HTML.
 *
 * Without a WalletConnect project id only injected wallets are offered, and nothing calls WalletConnect. The
 * Safe connector is always there: it is authorized only inside Safe{Wallet}'s frame, where the app runs as a
 * Safe app and connects to the Safe at once (its SDK loads only then).
 */
export function createWagmiConfig({ walletConnectProjectId, chains: settings }: WalletSettings) {
  // Exactly the configured chains: RainbowKit offers these and no other, and flags a wallet elsewhere.
  const [first, ...rest] = settings.map(appChain);
  const chains = [first!, ...rest] as const;
  const appName = 'Machine Yield';
  const connectors = walletConnectProjectId
    ? connectorsForWallets(
        [
          {
            groupName: 'Wallets',
            wallets: [injectedWallet, metaMaskWallet, rainbowWallet, walletConnectWallet, safeWallet],
          },
        ],
        { appName, projectId: walletConnectProjectId },
      )
    : connectorsForWallets([{ groupName: 'Installed', wallets: [injectedWallet, safeWallet] }], {
        appName,
        projectId: 'unused-without-walletconnect',
      });

  return createConfig({
    chains,
    connectors,
    transports: Object.fromEntries(settings.map(({ id, rpcUrl }) => [id, http(rpcUrl, { batch: true })])),
    ssr: true,
    storage: createStorage({ storage: cookieStorage }),
  });
}

import './globals.css';
import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import { cookies, headers } from 'next/headers';
import type { ReactNode } from 'react';
import { HydrationMark } from '@/components/layout/HydrationMark';
import { PreviewRibbon } from '@/components/layout/PreviewRibbon';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { WalletRoot } from '@/components/wallet/WalletRoot';
import { appChain } from '@/lib/chain/app-chain';
import { browserChainSettings, serverEnv, vercelDeployment } from '@/lib/config/server-env';
import { walletConnectedInCookie, walletStateCookie } from '@/lib/security/wallet-cookie';
import { parseThemePreference, THEME_COOKIE, themeClass } from '@/lib/theme/theme-preference';

// Inter from npm, bundled with the app: no font is fetched from the internet.
const inter = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-inter',
  display: 'swap',
  weight: '100 900',
});

export const metadata: Metadata = {
  title: { default: 'Machine Yield', template: '%s · Machine Yield' },
  description:
    'Finance the machines of the AI economy: GPU clusters and robot fleets. Deposit USDC, watch each machine’s revenue arrive on chain, claim real yield.',
  applicationName: 'Machine Yield',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f7f9' },
    { media: '(prefers-color-scheme: dark)', color: '#0b0f17' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Only wagmi's state cookie goes to the client component (and so into the HTML), never the whole header:
  // the host's other cookies, httpOnly ones included, stay on the server. The page renders no inline script
  // of its own (the theme is a class from a cookie); Next puts proxy.ts's nonce on its scripts itself.
  const walletCookie = walletStateCookie((await headers()).get('cookie'));
  const env = serverEnv();
  const theme = parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
  const chains = browserChainSettings(env);
  return (
    <html lang="en" className={[inter.variable, themeClass(theme)].filter(Boolean).join(' ')}>
      <body className="flex min-h-dvh flex-col font-sans">
        <PreviewRibbon deployment={vercelDeployment()} chains={chains.map(appChain)} />
        <WalletRoot
          walletCookie={walletCookie}
          returning={walletConnectedInCookie(walletCookie)}
          settings={{ chains, walletConnectProjectId: env.WALLETCONNECT_PROJECT_ID }}
        >
          <SiteHeader theme={theme} />
          <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 sm:py-10">{children}</main>
          <SiteFooter />
        </WalletRoot>
        <HydrationMark />
      </body>
    </html>
  );
}

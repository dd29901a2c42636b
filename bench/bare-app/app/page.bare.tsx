import { ConnectButton } from '@rainbow-me/rainbowkit';

/** The baseline of `npm run bench:bundle`: a connect button and nothing else. */
export default function Page() {
  return (
    <main style={{ padding: 32 }}>
      <ConnectButton />
    </main>
  );
}

/**
 * RainbowKit's stylesheet and the app's theme for it, loaded once the page has hydrated (WalletIsland), not with
 * the press on Connect: a stylesheet added to the document restyles every element of the page, about 10 ms on a
 * long pool page, which would otherwise fall between the press and the modal. Its rules apply only under
 * `[data-rk]`, so the page itself looks the same with it. WalletStack imports them too: the stack never
 * depends on this having run.
 */
import '@rainbow-me/rainbowkit/styles.css';
import './wallet-theme.css';

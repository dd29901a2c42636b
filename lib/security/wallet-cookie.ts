/**
 * The only cookie a client component reads on the server: wagmi's persisted state. wagmi's
 * `cookieToInitialState(config, cookie)` looks for `${storage.key}.store`, the storage key being wagmi's
 * default `wagmi` (lib/wallet/wagmi-config.ts sets none). Its other `wagmi.*` keys (recent connector, per-
 * connector flags) are read in the browser from document.cookie, never from the server's header.
 */
export const WAGMI_STATE_COOKIE = 'wagmi.store';

/**
 * The request's Cookie header cut down to wagmi's state cookie, for the layout to hand to WalletProviders:
 * whatever else the host sets (sessions, httpOnly cookies, other apps' cookies on the domain) would otherwise
 * be printed into the HTML. The first occurrence wins, as in wagmi's own parser. Null when there is none.
 */
export function walletStateCookie(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  const prefix = `${WAGMI_STATE_COOKIE}=`;
  const pair = cookieHeader
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix));
  return pair && pair.length > prefix.length ? pair : null;
}

/**
 * Whether wagmi's state cookie (walletStateCookie's answer) records a connected wallet: such a visitor gets the
 * wallet stack with the page, so the server renders their connection and nothing flashes; everyone else reads
 * without it until they ask.
 */
export function walletConnectedInCookie(stateCookie: string | null): boolean {
  if (!stateCookie) return false;
  const raw = stateCookie.slice(stateCookie.indexOf('=') + 1);
  for (const text of [raw, safeDecode(raw)]) {
    try {
      const parsed = JSON.parse(text) as { state?: { current?: unknown } };
      return typeof parsed.state?.current === 'string' && parsed.state.current.length > 0;
    } catch {
      // Not JSON as it stands: try it URI-decoded, else it records nothing.
    }
  }
  return false;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

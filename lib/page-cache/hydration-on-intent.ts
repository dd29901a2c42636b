/**
 * Read-only pages from the page cache hydrate on intent: the HTML is whole (server-rendered, links are plain
 * links, the filters a plain GET form), so a reader who only reads needs no JavaScript at all. Next's scripts
 * are held back until the visitor shows intent to use the page (a pointer over it, a touch, a key, focus), then
 * loaded as Next would have loaded them. A click on a button that lands before hydration is held and replayed
 * once the app has hydrated (components/layout/HydrationMark.tsx says when), so nothing pressed is lost.
 *
 * Pure string work on Next's own output, done once per cached render; a page whose scripts are not in the shape
 * expected is served as rendered.
 */

/** Set on <html> by HydrationMark once React has hydrated the page; also dispatched as a window event. */
export const HYDRATED_ATTRIBUTE = 'data-hydrated';
export const HYDRATED_EVENT = 'app:hydrated';

/** `<script src="…" async="" nonce="…"></script>`, Next's chunk tags (attributes in any order). */
const CHUNK_SCRIPT =
  /<script\b(?=[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)")(?=[^>]*\sasync(?:="")?[\s>/])[^>]*><\/script>/g;
/** `<link rel="preload" as="script" … href="…"/>`: a preload would fetch what is now fetched on intent. */
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\srel="preload")(?=[^>]*\sas="script")[^>]*\/?>/g;

/** The loader, as one inline script: starts Next's chunks on the first sign of intent; holds and replays clicks. */
function loader(sources: string[]): string {
  return `(function(){var s=${JSON.stringify(sources).replace(/</g, '\\u003c')},d=document,r=d.documentElement,w=window,go=false,held=null,
e=["pointerover","pointerdown","touchstart","keydown","focusin"];
function start(){if(go)return;go=true;e.forEach(function(n){w.removeEventListener(n,start,true)});
s.forEach(function(u){var t=d.createElement("script");t.src=u;t.async=true;d.head.appendChild(t)})}
e.forEach(function(n){w.addEventListener(n,start,{capture:true,passive:true})});
function click(v){if(r.hasAttribute(${JSON.stringify(HYDRATED_ATTRIBUTE)}))return;
var b=v.target&&v.target.closest&&v.target.closest('button:not([type="submit"]),[role="button"]');
if(!b||b.disabled)return;v.preventDefault();v.stopImmediatePropagation();held=b;start()}
w.addEventListener("click",click,true);
w.addEventListener(${JSON.stringify(HYDRATED_EVENT)},function(){w.removeEventListener("click",click,true);
var b=held;held=null;if(b&&b.isConnected)b.click()})})();`;
}

/**
 * The page with Next's chunk scripts and script preloads taken out and the loader put where the first chunk was,
 * carrying `nonce` (the cache's placeholder, replaced per response). Unchanged when no chunk script is found.
 */
export function hydrateOnIntent(html: string, nonce: string): string {
  const sources: string[] = [];
  let at = -1;
  const stripped = html.replace(CHUNK_SCRIPT, (_tag, src: string, offset: number) => {
    if (at < 0) at = offset;
    sources.push(src);
    return '';
  });
  if (sources.length === 0) return html;
  // The preloads all sit before the first chunk script, in <head>: removing them moves `at` back by their length.
  const head = stripped.slice(0, at).replace(SCRIPT_PRELOAD, '');
  return `${head}<script nonce="${nonce}">${loader(sources)}</script>${stripped.slice(at).replace(SCRIPT_PRELOAD, '')}`;
}

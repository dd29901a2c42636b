import { feedPaths } from '@/lib/feeds/feed-paths';

/** "Follow this pool: Atom · JSON Feed", for a page that has feeds beside it (lib/feeds). */
export function FeedLinks({ pagePath, subject }: { pagePath: string; subject: string }) {
  const { atom, json } = feedPaths(pagePath);
  const link = 'font-medium text-ink-muted underline decoration-line underline-offset-2 hover:text-accent';
  return (
    <p className="text-xs text-ink-faint" data-testid="feed-links">
      Follow {subject}:{' '}
      <a href={atom} type="application/atom+xml" className={link}>
        Atom
      </a>{' '}
      ·{' '}
      <a href={json} type="application/feed+json" className={link}>
        JSON Feed
      </a>
    </p>
  );
}

/** The same feeds for a page's <head>, where readers and browsers look for them. */
export function feedAlternates(pagePath: string, title: string) {
  const { atom, json } = feedPaths(pagePath);
  return {
    types: {
      'application/atom+xml': [{ url: atom, title: `${title} (Atom)` }],
      'application/feed+json': [{ url: json, title: `${title} (JSON Feed)` }],
    },
  };
}

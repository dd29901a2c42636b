// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PageError from '@/app/error';
import GlobalError from '@/app/global-error';
import { ErrorNotice, errorDigest } from './ErrorNotice';

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

/** What a failed render hands the boundary: a message and stack that may name files and hosts, and a digest. */
function failure() {
  const error = new Error('connect ECONNREFUSED 10.0.3.7:5432 at /var/task/.next/server/app/page.js:1:2');
  return Object.assign(error, { digest: '2417586542' });
}

describe('ErrorNotice', () => {
  it('shows a plain sentence, the digest and a retry, never the message or the stack in production', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const retry = vi.fn();
    const error = failure();
    render(<PageError error={error} retry={retry} />);
    const notice = screen.getByRole('alert');
    expect(notice).toHaveTextContent('Something went wrong');
    expect(notice).toHaveTextContent('quote reference 2417586542');
    expect(notice).not.toHaveTextContent('ECONNREFUSED');
    expect(notice).not.toHaveTextContent('/var/task');
    expect(notice.textContent).not.toContain(error.stack!.split('\n')[1]!.trim());
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('shows the message under next dev, where it helps and nobody else sees it', () => {
    vi.stubEnv('NODE_ENV', 'development');
    render(<ErrorNotice error={failure()} retry={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('ECONNREFUSED');
  });

  it('works for a thrown value that is not an Error, and for an error without a digest', () => {
    vi.stubEnv('NODE_ENV', 'production');
    render(<ErrorNotice error="just a string" retry={() => {}} />);
    expect(screen.getByRole('alert')).not.toHaveTextContent('just a string');
    expect(screen.getByRole('alert')).not.toHaveTextContent('reference');
    expect(errorDigest(new Error('x'))).toBeUndefined();
    expect(errorDigest({ digest: 42 })).toBeUndefined();
    expect(errorDigest(null)).toBeUndefined();
  });
});

describe('GlobalError', () => {
  it('is a whole document with the same notice, and no message in production', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const html = renderToStaticMarkup(<GlobalError error={failure()} retry={() => {}} />);
    expect(html).toMatch(/^<html lang="en">.*<title>Something went wrong · Machine Yield<\/title>.*<body/);
    expect(html).toContain('Something went wrong');
    expect(html).toContain('2417586542');
    expect(html).toContain('Try again');
    expect(html).not.toContain('ECONNREFUSED');
    expect(html).not.toContain('/var/task');
  });
});

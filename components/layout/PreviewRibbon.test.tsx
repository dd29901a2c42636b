// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PreviewRibbon } from './PreviewRibbon';

// Vitest runs without globals, so Testing Library cannot unmount between tests by itself.
afterEach(cleanup);

const baseSepolia = { name: 'Base Sepolia', id: 84532 };

describe('PreviewRibbon', () => {
  it('names the chain, the branch and the short commit on a Vercel preview', () => {
    render(
      <PreviewRibbon
        deployment={{
          VERCEL_ENV: 'preview',
          VERCEL_GIT_COMMIT_REF: 'feat/base-sepolia',
          VERCEL_GIT_COMMIT_SHA: '0123456789abcdef0123456789abcdef01234567',
        }}
        chains={[baseSepolia]}
      />,
    );
    const ribbon = screen.getByRole('complementary', { name: 'Preview deployment' });
    expect(ribbon).toHaveTextContent(
      'Preview deployment · Base Sepolia (chain id 84532) · branch feat/base-sepolia · commit 0123456',
    );
    expect(ribbon).not.toHaveTextContent('0123456789');
  });

  it('names the chain alone when Vercel gave no git details', () => {
    render(<PreviewRibbon deployment={{ VERCEL_ENV: 'preview' }} chains={[baseSepolia]} />);
    expect(screen.getByRole('complementary', { name: 'Preview deployment' }).textContent).toBe(
      'Preview deployment · Base Sepolia (chain id 84532)',
    );
  });

  it('names every chain of a preview that serves several', () => {
    render(
      <PreviewRibbon
        deployment={{ VERCEL_ENV: 'preview' }}
        chains={[baseSepolia, { name: 'Sepolia', id: 11155111 }]}
      />,
    );
    expect(screen.getByRole('complementary', { name: 'Preview deployment' }).textContent).toBe(
      'Preview deployment · Base Sepolia (chain id 84532) and Sepolia (chain id 11155111)',
    );
  });

  it.each([
    ['production', { VERCEL_ENV: 'production' as const, VERCEL_GIT_COMMIT_REF: 'main' }],
    ['development', { VERCEL_ENV: 'development' as const }],
    ['outside Vercel', {}],
  ])('renders nothing in %s', (_where, deployment) => {
    const { container } = render(<PreviewRibbon deployment={deployment} chains={[baseSepolia]} />);
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByText(/Preview deployment/)).toBeNull();
  });
});

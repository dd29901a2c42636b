// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePoolListParams } from '@/lib/pools/pool-list-params';
import { PoolPager } from './PoolPager';

afterEach(cleanup);

const params = (raw: Record<string, string>) => parsePoolListParams(raw);

describe('PoolPager', () => {
  it('says which pools of how many a page shows and links the pages beside it, filters and sort kept', () => {
    render(<PoolPager params={params({ category: 'compute', sort: 'yield', page: '2' })} shown={50} total={1000} />);
    const nav = screen.getByRole('navigation', { name: 'Pages of pools' });
    expect(within(nav).getByTestId('pool-count')).toHaveTextContent('Pools 51–100 of 1,000');
    expect(nav).toHaveTextContent('Page 2 of 20');
    expect(within(nav).getByRole('link', { name: 'Previous' })).toHaveAttribute(
      'href',
      '/pools?category=compute&sort=yield&order=desc',
    );
    expect(within(nav).getByRole('link', { name: 'Next' })).toHaveAttribute(
      'href',
      '/pools?category=compute&sort=yield&order=desc&page=3',
    );
  });

  it('offers no way past either end', () => {
    render(<PoolPager params={params({ page: '20' })} shown={17} total={967} />);
    const nav = screen.getByRole('navigation', { name: 'Pages of pools' });
    expect(nav).toHaveTextContent('Pools 951–967 of 967');
    expect(within(nav).queryByRole('link', { name: 'Next' })).toBeNull();
    expect(within(nav).getByText('Next')).toHaveAttribute('aria-disabled', 'true');
  });

  it('shows the count alone when every pool fits on one page', () => {
    render(<PoolPager params={params({})} shown={8} total={8} />);
    const nav = screen.getByRole('navigation', { name: 'Pages of pools' });
    expect(nav).toHaveTextContent('Pools 1–8 of 8');
    expect(within(nav).queryByRole('link')).toBeNull();
  });
});

// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadable } from './loadable';

afterEach(cleanup);

const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;

describe('loadable', () => {
  it('renders its component in the first render once the code is in, with no fallback', async () => {
    const importer = vi.fn(async () => ({ default: Greeting }));
    const Lazy = loadable(importer);
    await Lazy.load();
    const { container } = render(
      <Suspense fallback={<p>loading</p>}>
        <Lazy name="investor" />
      </Suspense>,
    );
    // Synchronously: no suspended tick in between.
    expect(container.textContent).toBe('Hello investor');
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('suspends like React.lazy before the code is in, and loads it once', async () => {
    let resolve!: (m: { default: typeof Greeting }) => void;
    const importer = vi.fn(() => new Promise<{ default: typeof Greeting }>((r) => (resolve = r)));
    const Lazy = loadable(importer);
    render(
      <Suspense fallback={<p>loading</p>}>
        <Lazy name="reader" />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeTruthy();
    void Lazy.load();
    await act(async () => resolve({ default: Greeting }));
    expect(await screen.findByText('Hello reader')).toBeTruthy();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load', async () => {
    const importer = vi
      .fn<() => Promise<{ default: typeof Greeting }>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ default: Greeting });
    const Lazy = loadable(importer);
    await expect(Lazy.load()).rejects.toThrow('offline');
    await Lazy.load();
    expect(importer).toHaveBeenCalledTimes(2);
    const { container } = render(<Lazy name="again" />);
    expect(container.textContent).toBe('Hello again');
  });
});

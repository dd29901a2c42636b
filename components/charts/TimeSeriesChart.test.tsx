// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { toChartPoints } from '@/lib/charts/chart-points';
import { ChartIntervalSwitch } from './ChartIntervalSwitch';
import { TimeSeriesChart } from './TimeSeriesChart';

// Vitest runs without globals, so Testing Library cannot unmount between tests by itself.
afterEach(cleanup);

const series = [{ key: 'revenue', label: 'Net revenue' }];
const points = (values: bigint[]) =>
  toChartPoints(
    values.map((revenue, i) => ({ day: 20_600 + 7 * i, revenue })),
    { revenue: (r) => r.revenue },
  );

describe('TimeSeriesChart', () => {
  it('draws the figures as SVG at its height, each bar with its exact amount, before any chart code loads', () => {
    render(
      <TimeSeriesChart
        title="Net revenue per week"
        points={points([5_000_000n, 0n, 7_250_000n])}
        series={series}
        unit="usdc"
        interval="week"
      />,
    );
    const figure = screen.getByRole('figure', { name: 'Net revenue per week' });
    expect(figure).toHaveStyle({ height: '240px' });
    expect(figure).toHaveAttribute('data-interactive', 'false');
    const bars = figure.querySelectorAll('rect.chart-bar');
    expect(bars).toHaveLength(2); // the zero week draws nothing
    expect(bars[1]!.textContent).toContain('$7.25');
  });

  it('draws an unfinished week lighter and says why, so revenue so far does not read as a collapse', () => {
    const rows = [
      { day: 20_600, complete: true, revenue: 9_000_000n },
      { day: 20_607, complete: false, revenue: 1_000_000n },
    ];
    render(
      <TimeSeriesChart
        title="Net revenue per week"
        points={toChartPoints(rows, { revenue: (r) => r.revenue })}
        series={series}
        unit="usdc"
        interval="week"
      />,
    );
    const bars = screen.getByRole('figure').querySelectorAll('rect.chart-bar');
    expect(bars[0]).not.toHaveAttribute('data-partial');
    expect(bars[1]).toHaveAttribute('data-partial', 'true');
    expect(Number(bars[1]!.getAttribute('fill-opacity'))).toBeLessThan(1);
    expect(bars[1]!.textContent).toMatch(/\(so far\): Net revenue \$1\.00/);
    expect(screen.getByTestId('partial-period-note')).toHaveTextContent('This week is not over');
  });

  it('says so when the window has nothing to draw', () => {
    render(
      <TimeSeriesChart
        title="Net revenue per week"
        points={points([0n, 0n])}
        series={series}
        unit="usdc"
        interval="week"
        height={200}
        emptyText="No revenue yet."
      />,
    );
    expect(screen.getByText('No revenue yet.')).toBeInTheDocument();
    expect(screen.getByRole('figure')).toHaveStyle({ height: '200px' });
    expect(screen.queryByTestId('static-chart')).toBeNull();
  });

  it('shows the error in place of the chart', () => {
    render(
      <TimeSeriesChart
        title="Net revenue per week"
        points={[]}
        series={series}
        unit="usdc"
        interval="week"
        error="The indexer is not reachable."
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The indexer is not reachable.');
  });
});

describe('ChartIntervalSwitch', () => {
  it('links each interval and marks the current one', () => {
    render(<ChartIntervalSwitch value="month" hrefFor={(i) => `/assets/1?interval=${i}`} />);
    const group = screen.getByRole('group', { name: 'Chart interval' });
    expect(group.querySelectorAll('a')).toHaveLength(3);
    expect(screen.getByRole('link', { name: 'Day' })).toHaveAttribute('href', '/assets/1?interval=day');
    expect(screen.getByRole('link', { name: 'Month' })).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('link', { name: 'Week' })).not.toHaveAttribute('aria-current');
  });
});

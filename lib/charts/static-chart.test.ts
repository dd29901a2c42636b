import { describe, expect, it } from 'vitest';
import { toChartPoints } from './chart-points';
import { BOX, niceCeiling, staticGeometry } from './static-chart';

const points = toChartPoints(
  [
    { day: 1, a: 1_000_000n, b: 3_000_000n },
    { day: 2, a: 0n, b: 2_000_000n },
    { day: 3, a: 4_000_000n, b: null },
  ],
  { a: (r) => r.a, b: (r) => r.b },
);

describe('niceCeiling', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([niceCeiling(0.73), niceCeiling(3), niceCeiling(2.2), niceCeiling(41_000), niceCeiling(100)]).toEqual([
      1, 5, 2.5, 50_000, 100,
    ]);
    expect(niceCeiling(0)).toBe(1);
  });
});

describe('staticGeometry', () => {
  it('draws one bar per non-zero value, scaled to the round top, side by side', () => {
    const g = staticGeometry(points, [{ key: 'a', kind: 'bar' }], { stacked: false, yMax: 'auto' });
    expect(g.top).toBe(5); // dollars: the largest bar is 4
    expect(g.bars.map((b) => b.index)).toEqual([0, 2]);
    expect(g.bars[1]!.height).toBeCloseTo((4 / 5) * BOX.height);
  });

  it('stacks bars and areas on one another, and breaks a line at a gap', () => {
    const stacked = staticGeometry(
      points,
      [
        { key: 'a', kind: 'bar' },
        { key: 'b', kind: 'bar' },
      ],
      { stacked: true, yMax: 'auto' },
    );
    expect(stacked.top).toBe(5); // 1 + 3 = 4 at most
    const [first, second] = stacked.bars.filter((b) => b.index === 0);
    expect(second!.y + second!.height).toBeCloseTo(first!.y); // b sits on a
    const line = staticGeometry(points, [{ key: 'b', kind: 'line' }], { stacked: false, yMax: 1_000 });
    expect(line.paths).toHaveLength(1);
    expect(line.paths[0]!.d.split('L')).toHaveLength(2); // two points, then the gap
  });

  it('draws a line over stacked bars from zero, not on top of the stack (as Recharts does)', () => {
    const g = staticGeometry(
      points,
      [
        { key: 'a', kind: 'bar' },
        { key: 'b', kind: 'line' },
      ],
      { stacked: true, yMax: 'auto' },
    );
    expect(g.top).toBe(5); // the bar's 4 and the line's 3: nothing stacks to 1 + 3 over the line
    // The line's first point is at 3 dollars of 5: 40 % down from the top, whatever the bar under it.
    expect(Number(g.paths[0]!.d.slice(1).split('L')[0]!.split(',')[1])).toBeCloseTo(BOX.height * (1 - 3 / 5));
  });
});

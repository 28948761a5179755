import { describe, expect, it } from 'vitest';
import { FIRST_PART, PartPlanner, partRanges, withinBudget } from '../../../src/content/parts';

describe('partRanges', () => {
  it('covers every paragraph once, in order', () => {
    for (const count of [0, 1, 39, 40, 41, 79, 80, 119, 120, 404, 5000]) {
      let next = 0;
      for (const [start, end] of partRanges(count)) {
        expect(start).toBe(next);
        expect(end).toBeGreaterThan(start);
        next = end;
      }
      expect(next).toBe(count);
    }
  });

  it('starts small and grows, so highlighting can start while the rest is labelled', () => {
    expect(partRanges(404)).toEqual([
      [0, 40],
      [40, 100],
      [100, 190],
      [190, 325],
      [325, 404],
    ]);
  });

  it('keeps a short page in one part and lets a tiny tail ride with the last part', () => {
    expect(partRanges(60)).toEqual([[0, 60]]);
    expect(partRanges(130)).toEqual([
      [0, 40],
      [40, 130],
    ]);
  });

  it('needs few messages even for the largest page', () => {
    expect(partRanges(5000).length).toBeLessThanOrEqual(12);
  });
});

describe('PartPlanner', () => {
  const plan = (count: number, budget = Infinity, cost = 1) => {
    const sent: number[][] = [];
    const planner = new PartPlanner<number>(
      () => cost,
      budget,
      (part) => sent.push(part),
    );
    const list: number[] = [];
    const duringSegmentation: number[] = [];
    for (let i = 0; i < count; i++) {
      list.push(i);
      planner.found(list);
      duringSegmentation.push(sent.length);
    }
    const within = planner.finish(list);
    return { sent, within, duringSegmentation };
  };

  it('sends parts while the list grows and the rest at the end, each item once, in order', () => {
    const { sent, within, duringSegmentation } = plan(404);
    expect(sent.flat()).toEqual(within);
    expect(within).toHaveLength(404);
    // The first part leaves as soon as it is complete, long before the list is.
    expect(duringSegmentation[FIRST_PART - 1]).toBe(1);
    expect(duringSegmentation[FIRST_PART - 2]).toBe(0);
    expect(sent.map((p) => p.length)).toEqual([40, 60, 90, 135, 79]);
  });

  it('sends a short page as one part once it is complete', () => {
    const { sent, duringSegmentation } = plan(25);
    expect(duringSegmentation.every((n) => n === 0)).toBe(true);
    expect(sent).toEqual([Array.from({ length: 25 }, (_, i) => i)]);
  });

  it('never sends beyond the budget, during segmentation or after', () => {
    const { sent, within } = plan(404, 1000, 7);
    expect(within).toHaveLength(Math.floor(1000 / 7));
    expect(sent.flat()).toEqual(within);
  });

  it('sends nothing for an empty page', () => {
    expect(plan(0).sent).toEqual([]);
  });
});

describe('withinBudget', () => {
  it('keeps the longest prefix that fits', () => {
    expect(withinBudget([3, 3, 3, 3], (n) => n, 9)).toEqual([3, 3, 3]);
    expect(withinBudget([10], (n) => n, 9)).toEqual([]);
    expect(withinBudget([], (n: number) => n, 9)).toEqual([]);
  });
});

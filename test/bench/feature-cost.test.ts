import { describe, expect, it } from 'vitest';
import { featureCostLine } from '../../bench/build.ts';

describe('featureCostLine', () => {
  it('is the full build over the baseline, less one, as a percentage against the 15% target', () => {
    expect(featureCostLine(11, 10)).toBe('related stories and listings add 10.0% to the build (11.00 s ÷ 10.00 s − 1; target ≤ 15%: target met)');
    expect(featureCostLine(12, 10)).toContain('add 20.0% to the build');
    expect(featureCostLine(12, 10)).toContain('target NOT met');
  });
});

import { describe, expect, it } from 'vitest';
import { INITIAL_GOAL_BYTES, initialBundleSize } from '../bench/bundle-size.ts';

describe('the first download of the built app', () => {
  it(`stays within ${INITIAL_GOAL_BYTES / 1024} KB of JS and CSS (gzip), issue 13's goal`, () => {
    const size = initialBundleSize('dist');
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.totalGzipBytes).toBeLessThanOrEqual(INITIAL_GOAL_BYTES);
  });
});

import { describe, expect, it } from 'vitest';
import { calibrate, calibrateTotal } from './calibration';
import { calibrationExpected, calibrationFixture } from './calibration.fixture';
import { mean, median, reviewTotal, stddev } from './totals';

describe('review totals', () => {
  it('weights each criterion by its share of the scale (hand-computed)', () => {
    const criteria = [
      { weight: 40, scaleMin: 0, scaleMax: 5 },
      { weight: 30, scaleMin: 0, scaleMax: 5 },
      { weight: 20, scaleMin: 0, scaleMax: 5 },
      { weight: 10, scaleMin: 0, scaleMax: 5 },
    ];
    // 40*5/5 + 30*4/5 + 20*4/5 + 10*3/5 = 40 + 24 + 16 + 6
    expect(reviewTotal(criteria, [5, 4, 4, 3])).toBe(86);
    expect(reviewTotal(criteria, [0, 0, 0, 0])).toBe(0);
    expect(reviewTotal(criteria, [5, 5, 5, 5])).toBe(100);
  });

  it('a 1-5 scale gives no free points: 1 is 0 and 5 is the full weight', () => {
    const criteria = [
      { weight: 50, scaleMin: 1, scaleMax: 5 },
      { weight: 50, scaleMin: 0, scaleMax: 10 },
    ];
    // 50*(3-1)/4 + 50*7/10 = 25 + 35
    expect(reviewTotal(criteria, [3, 7])).toBe(60);
    expect(reviewTotal(criteria, [1, 0])).toBe(0);
  });

  it('mean, median and sample standard deviation (hand-computed)', () => {
    expect(mean([70, 90, 50])).toBe(70);
    expect(median([90, 50, 70])).toBe(70);
    expect(median([90, 50, 70, 60])).toBe(65);
    // deviations 0, 20, -20 -> (0 + 400 + 400) / 2 = 400 -> 20
    expect(stddev([70, 90, 50])).toBe(20);
    expect(stddev([70])).toBeNull();
    expect(mean([])).toBeNull();
  });
});

describe('calibration', () => {
  it('matches the hand-computed fixture, review by review and per application', () => {
    const result = calibrate(calibrationFixture);
    for (const [id, value] of Object.entries(calibrationExpected.reviews)) expect(result.reviews.get(id)).toBeCloseTo(value, 5);
    for (const [id, value] of Object.entries(calibrationExpected.applications)) {
      expect(result.applications.get(id)).toBeCloseTo(value, 5);
    }
  });

  it('keeps the raw total for a reviewer with a single review, or a call with a single review', () => {
    const result = calibrate([...calibrationFixture, { reviewId: 'd1', applicationId: 'app3', reviewerId: 'D', total: 12.5 }]);
    expect(result.reviews.get('d1')).toBe(12.5);
    expect(calibrate([{ reviewId: 'x', applicationId: 'a', reviewerId: 'r', total: 42 }]).applications.get('a')).toBe(42);
  });

  it('maps a reviewer who gave everyone the same total to the call mean (with shrinkage)', () => {
    // n = 2, w = 0.4, s = 0 -> z = 0 -> standard = M = 65 -> 0.4*65 + 0.6*40 = 50
    expect(calibrateTotal(40, { n: 2, mean: 40, sd: 0 }, { mean: 65, sd: 20 })).toBeCloseTo(50, 10);
  });

  it('stays within 0-100', () => {
    // n = 97, w = 0.97; z = 10 -> 50 + 30*10 = 350 -> 0.97*350 + 0.03*99 = 342.47 -> 100
    expect(calibrateTotal(99, { n: 97, mean: 49, sd: 5 }, { mean: 50, sd: 30 })).toBe(100);
    expect(calibrateTotal(1, { n: 97, mean: 51, sd: 5 }, { mean: 50, sd: 30 })).toBe(0);
  });

  it('more reviews by a reviewer means more trust in the standardised value', () => {
    const few = calibrateTotal(90, { n: 2, mean: 80, sd: 10 }, { mean: 65, sd: 20 });
    const many = calibrateTotal(90, { n: 30, mean: 80, sd: 10 }, { mean: 65, sd: 20 });
    // standard = 85: the more reviews, the closer to 85 than to the raw 90
    expect(Math.abs(many - 85)).toBeLessThan(Math.abs(few - 85));
  });
});

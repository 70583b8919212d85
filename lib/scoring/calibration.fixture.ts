/** A hand-computed calibration example, shared by the unit test and the SQL agreement test. */

/**
 * The fixture, computed by hand:
 *   reviewer A: app1 70, app2 30, app3 50  -> m = 50, s = 20, n = 3, w = 3/6 = 0.5
 *   reviewer B: app1 90, app2 70, app3 80  -> m = 80, s = 10, n = 3, w = 0.5
 *   reviewer C: app1 50, app2 80           -> m = 65, s = 15*sqrt(2) = 21.2132, n = 2, w = 2/5 = 0.4
 *   all eight totals: M = 520/8 = 65; squared deviations 25+1225+225+625+25+225+225+225 = 2800,
 *   S = sqrt(2800/7) = 20
 *
 *   A 70: z = 1  -> 65 + 20 = 85 -> 0.5*85 + 0.5*70 = 77.5
 *   A 30: z = -1 -> 45           -> 0.5*45 + 0.5*30 = 37.5
 *   A 50: z = 0  -> 65           -> 0.5*65 + 0.5*50 = 57.5
 *   B 90: z = 1  -> 85           -> 0.5*85 + 0.5*90 = 87.5
 *   B 70: z = -1 -> 45           -> 0.5*45 + 0.5*70 = 57.5
 *   B 80: z = 0  -> 65           -> 0.5*65 + 0.5*80 = 72.5
 *   C 50: z = -1/sqrt(2) -> 65 - 14.142136 = 50.857864 -> 0.4*50.857864 + 0.6*50 = 50.343146
 *   C 80: z = +1/sqrt(2) -> 79.142136                  -> 0.4*79.142136 + 0.6*80 = 79.656854
 *
 *   app1: (77.5 + 87.5 + 50.343146) / 3 = 71.781049   (raw mean 70)
 *   app2: (37.5 + 57.5 + 79.656854) / 3 = 58.218951   (raw mean 60)
 *   app3: (57.5 + 72.5) / 2            = 65           (raw mean 65)
 */
export const calibrationFixture = [
  { reviewId: 'a1', applicationId: 'app1', reviewerId: 'A', total: 70 },
  { reviewId: 'a2', applicationId: 'app2', reviewerId: 'A', total: 30 },
  { reviewId: 'a3', applicationId: 'app3', reviewerId: 'A', total: 50 },
  { reviewId: 'b1', applicationId: 'app1', reviewerId: 'B', total: 90 },
  { reviewId: 'b2', applicationId: 'app2', reviewerId: 'B', total: 70 },
  { reviewId: 'b3', applicationId: 'app3', reviewerId: 'B', total: 80 },
  { reviewId: 'c1', applicationId: 'app1', reviewerId: 'C', total: 50 },
  { reviewId: 'c2', applicationId: 'app2', reviewerId: 'C', total: 80 },
];
export const calibrationExpected = {
  reviews: { a1: 77.5, a2: 37.5, a3: 57.5, b1: 87.5, b2: 57.5, b3: 72.5, c1: 50.343146, c2: 79.656854 },
  applications: { app1: 71.781049, app2: 58.218951, app3: 65 },
};

/**
 * Thematic areas a call can target and an applicant can work in. Labels live in the
 * message catalog under "themes".
 */
export const themeCodes = [
  'health',
  'vaccination',
  'education',
  'media_literacy',
  'youth',
  'livelihoods',
  'entrepreneurship',
  'protection',
  'gender',
  'social_cohesion',
  'mental_health',
  'wash',
  'food_security',
  'shelter',
  'climate',
  'digital',
  'remittances',
  'migration_governance',
] as const;
export type ThemeCode = (typeof themeCodes)[number];


import { describe, expect, it } from 'vitest';
import { namePairs } from './fixtures/name-pairs';
import { MATCH_THRESHOLD, mayMatch, nameSimilarity, normaliseName, scoreAgainstEntry, skeletonStarts } from './match';

describe('normaliseName', () => {
  it('folds case, diacritics, punctuation, word order and the article', () => {
    expect(normaliseName('SÉLIM Bachir AL-QASSEMI').key).toBe(normaliseName('al qassemi, selim bachir').key);
  });
  it('transliterates Arabic script to Latin', () => {
    const n = normaliseName('سليم بشير القاسمي');
    expect(n.arabic).toBe(true);
    expect(n.tokens).toEqual(['bshyr', 'kasmy', 'slym']);
  });
  it('joins "Abd al-X" and folds its spellings', () => {
    expect(normaliseName('Abd al-Rahman').key).toBe(normaliseName('Abdul Rahman').key);
    expect(normaliseName('Abdelrahman').key).toBe(normaliseName('Abdul Rahman').key);
  });
});

describe('matching quality on true and false pairs (Latin and Arabic script)', () => {
  it('finds the same names and leaves different ones, above a floor of precision and recall', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    const wrong: string[] = [];
    for (const pair of namePairs) {
      const a = normaliseName(pair.subject);
      const b = normaliseName(pair.listed);
      // As screening does: the prefilter first, then the score.
      const score = mayMatch(skeletonStarts(a), skeletonStarts(b)) ? nameSimilarity(a, b) : 0;
      const flagged = score >= MATCH_THRESHOLD;
      if (flagged && pair.same) tp++;
      else if (flagged) fp++;
      else if (pair.same) fn++;
      else tn++;
      if (flagged !== pair.same) wrong.push(`${pair.same ? 'missed' : 'false hit'} ${score.toFixed(3)}: ${pair.subject} ~ ${pair.listed} (${pair.note})`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const arabic = namePairs.filter((p) => /[\u0600-\u06FF]/.test(p.subject + p.listed));
    console.log(
      `[diligence] name matching at threshold ${MATCH_THRESHOLD} on ${namePairs.length} pairs (${arabic.length} with Arabic script): precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn})`,
    );
    if (wrong.length) console.log(wrong.join('\n'));
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('lowers the score when the years of birth differ', () => {
    const entry = { names: ['Mariam Youssef Darwish'], datesOfBirth: ['1980-01-01'] };
    const same = scoreAgainstEntry({ name: 'Mariam Youssef Darwish', dateOfBirth: '1980-05-05' }, entry).score;
    const other = scoreAgainstEntry({ name: 'Mariam Youssef Darwish', dateOfBirth: '1999-05-05' }, entry).score;
    expect(other).toBeLessThan(same);
  });
});

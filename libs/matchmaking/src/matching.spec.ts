import { matchScore } from './matching';

describe(matchScore.name, () => {
  it('weighs shared tags over shared keywords and says which matched', () => {
    const enterprise = { tags: ['新材料', '纺织鞋服'], keywords: ['碳纤维', '功能性面料'] };
    const phd = { tags: ['新材料', '半导体'], keywords: ['碳纤维'] };
    expect(matchScore(enterprise, phd)).toEqual({ score: 4, matchedTags: ['新材料'], matchedKeywords: ['碳纤维'] });
  });

  it('counts a keyword of one side that is a tag of the other, case-insensitively', () => {
    expect(
      matchScore({ tags: ['数字经济'], keywords: ['AI'] }, { tags: ['新能源'], keywords: ['ai', '数字经济'] }),
    ).toEqual({
      score: 2,
      matchedTags: [],
      matchedKeywords: ['ai', '数字经济'],
    });
  });

  it('is zero without overlap', () => {
    expect(matchScore({ tags: ['食品饮料'], keywords: [] }, { tags: ['半导体'], keywords: [] }).score).toBe(0);
  });
});

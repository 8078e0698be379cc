import { toAgreementType } from './agreement-type';

describe(toAgreementType.name, () => {
  it.each([
    ['技术攻关型', 'technical_breakthrough'],
    ['技术攻关', 'technical_breakthrough'],
    ['技能传授型', 'skill_transfer'],
    ['技能传授', 'skill_transfer'],
    [' “技能传授型” ', 'skill_transfer'],
    ['"技术攻关"', 'technical_breakthrough'],
    ['Skill_Transfer', 'skill_transfer'],
    ['"TECHNICAL_BREAKTHROUGH"', 'technical_breakthrough'],
  ])('reads %s as %s', (raw, type) => expect(toAgreementType(raw)).toBe(type));

  it('strips one quote at each end only, and leaves anything else for the validator', () => {
    expect(toAgreementType('x"技能传授"')).toBe('x"技能传授');
    expect(toAgreementType('“技能“传授”')).toBe('技能“传授');
    expect(toAgreementType('其他')).toBe('其他');
    expect(toAgreementType('')).toBe('');
    expect(toAgreementType(3)).toBe(3);
    expect(toAgreementType(null)).toBeNull();
  });
});

import { chinaToday, outcomeKey } from './outcome.key';

const agreement = {
  type: 'apprenticeship_agreement',
  title: '师带徒协议',
  signedOn: '2021-05-01',
  parties: { mentorName: '王师傅', apprenticeName: '李徒弟', enterpriseName: '泉州甲公司' },
};

describe(outcomeKey.name, () => {
  it('is the same for the same type, parties and date, whatever the title, spacing or key order', () => {
    expect(
      outcomeKey({
        ...agreement,
        title: '另一个标题',
        parties: { enterpriseName: ' 泉州甲公司', apprenticeName: '李徒弟 ', mentorName: '王师傅' },
      }),
    ).toBe(outcomeKey(agreement));
  });

  it('differs when the type, a party or the date differs', () => {
    const base = outcomeKey(agreement);
    expect(outcomeKey({ ...agreement, type: 'award' })).not.toBe(base);
    expect(outcomeKey({ ...agreement, signedOn: '2021-05-02' })).not.toBe(base);
    expect(outcomeKey({ ...agreement, parties: { ...agreement.parties, apprenticeName: '林徒弟' } })).not.toBe(base);
  });

  it('tells party-less outcomes apart by title, and linked registrations are parties', () => {
    const milestone = { type: 'milestone', title: '博士联盟成立', signedOn: '2021-06-01' };
    expect(outcomeKey(milestone)).not.toBe(outcomeKey({ ...milestone, title: '博士人才智库设立' }));
    const intent = { type: 'cooperation_intent', title: 'x', registrationIds: [3, 1] };
    expect(outcomeKey(intent)).toBe(outcomeKey({ ...intent, title: 'y', registrationIds: [1, 3, 3] }));
    expect(outcomeKey(intent)).not.toBe(outcomeKey({ ...intent, registrationIds: [1, 4] }));
  });
});

describe(chinaToday.name, () => {
  it('turns the date at midnight Beijing time', () => {
    expect(chinaToday(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(chinaToday(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
  });
});

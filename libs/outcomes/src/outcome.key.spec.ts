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

describe(`${outcomeKey.name}: name folding and blank parties`, () => {
  const person = (personName: unknown, title = '个人荣誉') =>
    outcomeKey({ type: 'award', title, parties: { personName } as { personName?: string } });

  it('folds runs of whitespace to one space and width and case, but keeps words apart', () => {
    expect(person('Wang \t Wei')).toBe(person(' wang wei '));
    expect(person('ＷＡＮＧ Wei')).toBe(person('wang wei'));
    expect(person('Wang Wei')).not.toBe(person('WangWei'));
  });

  it('leaves blank and non-text parties out, so a party-less outcome is told apart by its title', () => {
    expect(person('   ', '甲')).toBe(person(undefined, '甲'));
    expect(person('   ', '甲')).not.toBe(person('   ', '乙'));
    expect(person(42, '甲')).toBe(person('', '甲'));
    expect(person('王', '甲')).toBe(person('王', '乙'));
  });

  it('is stable: the database holds these keys, so the same outcome keeps its key across releases', () => {
    const stored = {
      type: 'apprenticeship_agreement',
      title: '师带徒协议',
      signedOn: '2021-05-01',
      parties: { mentorName: 'Wang  Wei', apprenticeName: '李徒弟', enterpriseName: 'ＡＢＣ 公司' },
      registrationIds: [7],
    };
    // sha256 of {type, date, parties: [[key, folded name]…] sorted by key, regs}, or {…, title} without parties
    expect(outcomeKey(stored)).toBe('542ca32d24fd0ee55b9cf5dc07c882e1d17e7a7f8dca035b1ff70fbd23f54890');
    expect(outcomeKey({ type: 'milestone', title: ' Doctor  Alliance ', parties: { personName: ' ' } })).toBe(
      '257ea1f3e76799bf842ad7e6b2a2e566e3618eb7d85a72f1f84750e62bf6a0ed',
    );
  });
});

describe(chinaToday.name, () => {
  it('turns the date at midnight Beijing time', () => {
    expect(chinaToday(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(chinaToday(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
  });
});

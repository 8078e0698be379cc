import { canMove, isCalendarDate, outcomeProblems } from './outcome.rules';

describe(outcomeProblems.name, () => {
  const apprenticeship = {
    type: 'apprenticeship_agreement',
    status: 'signed' as const,
    agreementType: 'skill_transfer' as const,
    signedOn: '2021-05-01',
    parties: { mentorName: '王师傅', apprenticeName: '李徒弟', enterpriseName: '泉州某机械有限公司' },
  };

  it('accepts a complete apprenticeship agreement', () => {
    expect(outcomeProblems(apprenticeship)).toEqual([]);
  });

  it('names every missing part of an apprenticeship agreement', () => {
    const sut = outcomeProblems({ ...apprenticeship, agreementType: null, signedOn: null, parties: {} });
    expect(sut.map((p) => p.field)).toEqual([
      'signedOn',
      'agreementType',
      'parties.mentorName',
      'parties.apprenticeName',
      'parties.enterpriseName',
    ]);
  });

  it('rejects an agreement type on other outcome types', () => {
    const sut = outcomeProblems({ type: 'award', status: 'intent', agreementType: 'skill_transfer' });
    expect(sut).toEqual([{ field: 'agreementType', reason: 'applies to apprenticeship_agreement only' }]);
  });

  it('lets linked registrations stand in for the parties of a cooperation intent', () => {
    expect(outcomeProblems({ type: 'cooperation_intent', status: 'intent' }).map((p) => p.field)).toEqual([
      'parties.enterpriseName',
      'parties.phdName',
    ]);
    expect(outcomeProblems({ type: 'cooperation_intent', status: 'intent' }, ['enterprise', 'phd'])).toEqual([]);
    expect(
      outcomeProblems({ type: 'cooperation_intent', status: 'intent', parties: { phdName: '陈博士' } }, ['enterprise']),
    ).toEqual([]);
  });

  it('checks the USCC check character and impossible dates', () => {
    const sut = outcomeProblems({
      type: 'milestone',
      status: 'signed',
      signedOn: '2021-02-30',
      parties: { enterpriseUscc: '91350500MA00000000' },
    });
    expect(sut.map((p) => p.field)).toEqual(['signedOn', 'parties.enterpriseUscc']);
  });
});

describe(canMove.name, () => {
  it('allows intent → signed → cancelled and nothing back', () => {
    expect(canMove('intent', 'signed')).toBe(true);
    expect(canMove('signed', 'cancelled')).toBe(true);
    expect(canMove('signed', 'intent')).toBe(false);
    expect(canMove('cancelled', 'intent')).toBe(false);
    expect(canMove('cancelled', 'cancelled')).toBe(true);
  });
});

describe(isCalendarDate.name, () => {
  it('knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('2021-1-01')).toBe(false);
  });
});

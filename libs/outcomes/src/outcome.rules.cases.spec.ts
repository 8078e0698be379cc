import { canMove, isCalendarDate, outcomeProblems } from './outcome.rules';
import { OutcomeStatus } from './outcome.types';

/** Each rule at its edges, with every reason written out (what the API and the import report). */
describe('outcome state machine', () => {
  // rows: from; columns: to (intent, signed, cancelled)
  const TABLE: Record<OutcomeStatus, [boolean, boolean, boolean]> = {
    intent: [true, true, true],
    signed: [false, true, true],
    cancelled: [false, false, true],
  };
  const STATUSES: OutcomeStatus[] = ['intent', 'signed', 'cancelled'];

  it.each(STATUSES.flatMap((from) => STATUSES.map((to, i) => [from, to, TABLE[from][i]] as const)))(
    '%s → %s allowed: %s',
    (from, to, allowed) => {
      expect(canMove(from, to)).toBe(allowed);
    },
  );
});

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2021-12-31', true],
    ['2100-02-29', false],
    ['2021-02-29', false],
    ['2021-04-31', false],
    ['2021-13-01', false],
    ['2021-00-10', false],
    ['2021-01-00', false],
    ['2021-01-1', false],
    ['21-01-01', false],
    [' 2021-01-01', false],
    ['2021-01-01 ', false],
    ['2021-01-01T00:00:00Z', false],
    ['x2021-01-01', false],
    // a month or a year alone, which Date takes as its first day
    ['2021-05', false],
    ['2021', false],
    ['', false],
  ])('%j is a calendar date: %s', (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });
});

describe('outcome problems, reason by reason', () => {
  const parties = { mentorName: '王师傅', apprenticeName: '李徒弟', enterpriseName: '泉州某机械有限公司' };

  it('a signed outcome needs a real signing date; an intent or a cancelled one does not', () => {
    expect(outcomeProblems({ type: 'award', status: 'signed' })).toEqual([
      { field: 'signedOn', reason: 'is required when the status is signed' },
    ]);
    expect(outcomeProblems({ type: 'award', status: 'signed', signedOn: '' })).toEqual([
      { field: 'signedOn', reason: 'is required when the status is signed' },
    ]);
    expect(outcomeProblems({ type: 'award', status: 'signed', signedOn: '2021-02-30' })).toEqual([
      { field: 'signedOn', reason: 'must be a real date (YYYY-MM-DD)' },
    ]);
    expect(outcomeProblems({ type: 'award', status: 'intent', signedOn: '2021/05/01' })).toEqual([
      { field: 'signedOn', reason: 'must be a real date (YYYY-MM-DD)' },
    ]);
    expect(outcomeProblems({ type: 'award', status: 'signed', signedOn: '2021-05-01' })).toEqual([]);
    expect(outcomeProblems({ type: 'award', status: 'intent' })).toEqual([]);
    expect(outcomeProblems({ type: 'award', status: 'cancelled', parties: null })).toEqual([]);
  });

  it('an apprenticeship agreement needs its type and three names, blank names counting as missing', () => {
    expect(
      outcomeProblems({
        type: 'apprenticeship_agreement',
        status: 'intent',
        parties: { mentorName: '', apprenticeName: '李徒弟' },
      }),
    ).toEqual([
      { field: 'agreementType', reason: 'is required: technical_breakthrough or skill_transfer' },
      { field: 'parties.mentorName', reason: 'is required for this outcome type' },
      { field: 'parties.enterpriseName', reason: 'is required for this outcome type' },
    ]);
    expect(
      outcomeProblems({
        type: 'apprenticeship_agreement',
        status: 'intent',
        agreementType: 'technical_breakthrough',
        parties,
      }),
    ).toEqual([]);
  });

  it('other types need no names and take no agreement type', () => {
    expect(
      outcomeProblems({ type: 'training_base', status: 'intent', agreementType: 'technical_breakthrough' }),
    ).toEqual([{ field: 'agreementType', reason: 'applies to apprenticeship_agreement only' }]);
    expect(outcomeProblems({ type: 'training_base', status: 'intent', agreementType: null })).toEqual([]);
  });

  it('a cooperation intent names each side unless a registration of that side is linked', () => {
    expect(outcomeProblems({ type: 'cooperation_intent', status: 'intent' }, ['phd'])).toEqual([
      { field: 'parties.enterpriseName', reason: 'is required unless an enterprise registration is linked' },
    ]);
    expect(outcomeProblems({ type: 'cooperation_intent', status: 'intent' }, ['enterprise', 'graduate'])).toEqual([
      { field: 'parties.phdName', reason: 'is required unless a PhD registration is linked' },
    ]);
    expect(
      outcomeProblems({
        type: 'cooperation_intent',
        status: 'intent',
        parties: { enterpriseName: '泉州某公司', phdName: '陈博士' },
      }),
    ).toEqual([]);
  });

  it('an enterprise code must be a valid 统一社会信用代码 when given', () => {
    // 91350100M000100Y43: a published code (see identifiers.oracle.spec.ts)
    expect(
      outcomeProblems({ type: 'award', status: 'intent', parties: { enterpriseUscc: '91350100M000100Y43' } }),
    ).toEqual([]);
    expect(
      outcomeProblems({ type: 'award', status: 'intent', parties: { enterpriseUscc: '91350100M000100Y44' } }),
    ).toEqual([{ field: 'parties.enterpriseUscc', reason: 'check character is wrong (GB 32100-2015)' }]);
    expect(outcomeProblems({ type: 'award', status: 'intent', parties: { enterpriseUscc: '' } })).toEqual([]);
  });
});

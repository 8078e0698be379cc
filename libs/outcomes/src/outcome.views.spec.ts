import { OutcomeEntity } from './entities';
import { maskName, outcomeView } from './outcome.views';

describe(outcomeView.name, () => {
  const entity = Object.assign(new OutcomeEntity(), {
    id: 1,
    activityId: 2,
    sessionId: null,
    type: 'apprenticeship_agreement',
    agreementType: 'skill_transfer',
    title: '师带徒协议：王师傅 带 李小明（泉州甲公司）',
    status: 'signed',
    signedOn: '2021-05-01',
    parties: { mentorName: '王师傅', apprenticeName: '李小明', enterpriseName: '泉州甲公司' },
    details: { mentorPhone: '13812341234', idNumber: '35050219900101123X', note: 'ok' },
    registrationIds: [5],
    createdAt: new Date('2021-05-01T00:00:00Z'),
    updatedAt: new Date('2021-05-01T00:00:00Z'),
  });

  it('masks person names, phones and ID numbers for callers who may not see them', () => {
    const sut = outcomeView(entity, false);
    expect(sut.parties).toEqual({ mentorName: '王**', apprenticeName: '李**', enterpriseName: '泉州甲公司' });
    expect(sut.title).toBe('师带徒协议：王** 带 李**（泉州甲公司）');
    expect(sut.details).toEqual({ mentorPhone: '138****1234', idNumber: '3505**********123X', note: 'ok' });
    expect(sut.registrationIds).toBeNull();
  });

  it('shows everything to organizers of the activity', () => {
    const sut = outcomeView(entity, true);
    expect(sut.parties.mentorName).toBe('王师傅');
    expect(sut.details.mentorPhone).toBe('13812341234');
    expect(sut.registrationIds).toEqual([5]);
  });

  it('masks one-character names entirely', () => {
    expect(maskName('王')).toBe('*');
  });
});

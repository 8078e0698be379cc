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

  it('masks personal data nested anywhere in details, in free text, and names inside titles', () => {
    const nested = Object.assign(new OutcomeEntity(), {
      ...entity,
      title: '张三丰博士与泉州甲公司签约（联系人李四，13912345678）',
      parties: { phdName: '张三丰', enterpriseName: '泉州甲公司' },
      details: {
        contacts: [
          { name: '李四', mobile: '13912345678', email: 'lisi@example.com' },
          { 姓名: '赵六', 手机: 13700001111, 身份证号码: '350502199001011234' },
        ],
        phd: { profile: { idNumber: '35050219900101123X', phones: ['13812341234'] } },
        enterpriseName: '泉州甲公司',
        note: '请联系 13812345678 或 wang@example.com，身份证 350502199001015678',
        amount: 3,
      },
    });
    const sut = outcomeView(nested, false);
    expect(sut.details).toEqual({
      contacts: [
        { name: '李*', mobile: '139****5678', email: 'l***@example.com' },
        { 姓名: '赵*', 手机: '137****1111', 身份证号码: '3505**********1234' },
      ],
      phd: { profile: { idNumber: '3505**********123X', phones: ['138****1234'] } },
      enterpriseName: '泉州甲公司',
      note: '请联系 138****5678 或 w***@example.com，身份证 3505**********5678',
      amount: 3,
    });
    expect(sut.title).toBe('张**博士与泉州甲公司签约（联系人李*，139****5678）');
    expect(JSON.stringify(sut)).not.toMatch(/三丰|李四|赵六|13912345678|lisi@|350502199001011234/);
    // organizers see everything
    expect(outcomeView(nested, true).title).toBe(nested.title);
    expect(outcomeView(nested, true).details).toEqual(nested.details);
  });

  it('masks one-character names entirely', () => {
    expect(maskName('王')).toBe('*');
  });
});

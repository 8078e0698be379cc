import { startTestApp, TestApp } from '@app/testing/test-app';
import { activityByCode, PLAN_2021 } from '../attendance/event-fixtures';
import { bearer, createUser, CreatedUser, loginAdmin, unitIdsByCode } from '../identity/identity-helpers';

/** The anonymous outcome list gives no personal data away, however deep it was typed in (SQLite). */
describe('anonymous outcome list masks personal data', () => {
  let t: TestApp;
  let union: CreatedUser;
  let activityId: number;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const admin = await loginAdmin(t.http);
    const units = await unitIdsByCode(t.http);
    union = await createUser(t.http, admin, { role: 'organizer', unitIds: [units.get('qz-ftu')!] });
    activityId = (await activityByCode(t.http, PLAN_2021, '2021-1-3')).id;
  });
  afterAll(() => t?.close());

  it('masks phones, ID numbers, emails and names nested in details and in the title; organizers see them', async () => {
    const created = await t.http
      .post(`/api/activities/${activityId}/outcomes`)
      .set(bearer(union.token))
      .send({
        type: 'apprenticeship_agreement',
        agreementType: 'skill_transfer',
        status: 'intent',
        title: '陈阿明 带 林小红（泉州某装备公司），联系 13912345678',
        parties: { mentorName: '陈阿明', apprenticeName: '林小红', enterpriseName: '泉州某装备公司' },
        details: {
          contact: { name: '黄志强', mobile: '13912345678', email: 'hzq@example.com' },
          apprentice: { idNumber: '350502199001011234', 身份证: '35050219900101123X' },
          note: '紧急联系人电话 13700001111',
        },
      })
      .expect(201);

    const list = await t.http.get(`/api/activities/${activityId}/outcomes`).query({ pageSize: 100 }).expect(200);
    const item = list.body.items.find((o: { id: number }) => o.id === created.body.id);
    expect(item.title).toBe('陈** 带 林**（泉州某装备公司），联系 139****5678');
    expect(item.details).toEqual({
      contact: { name: '黄**', mobile: '139****5678', email: 'h**@example.com' },
      apprentice: { idNumber: '3505**********1234', 身份证: '3505**********123X' },
      note: '紧急联系人电话 137****1111',
    });
    expect(JSON.stringify(list.body)).not.toMatch(/13912345678|350502199001011234|hzq@|黄志强|陈阿明|13700001111/);

    const mine = await t.http
      .get(`/api/activities/${activityId}/outcomes`)
      .set(bearer(union.token))
      .query({ pageSize: 100 })
      .expect(200);
    const own = mine.body.items.find((o: { id: number }) => o.id === created.body.id);
    expect(own.title).toBe('陈阿明 带 林小红（泉州某装备公司），联系 13912345678');
    expect(own.details.contact.mobile).toBe('13912345678');
  });
});

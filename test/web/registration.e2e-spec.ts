import { Page, Request } from 'playwright-core';
import { activityId, createSession, login } from '@app/testing/fixtures';
import { makeUscc } from '@app/testing/identities';
import { waitFor } from '../notifications/support';
import { decodeQr, screenshot, seriousViolations, startWebStack, WebStack } from './support';

// The acceptance, in a phone-sized Chromium (390×844) against the real API on MariaDB.
describe('web app: register from a phone and manage the place (Chromium, MariaDB)', () => {
  let stack: WebStack;
  let admin: string;
  let fairId: number;

  beforeAll(async () => {
    stack = await startWebStack();
    admin = await login(stack.api.http);
    fairId = await activityId(stack.api.http, '2021-2-2'); // 泉博会
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** antd's radio buttons hide the input; a person taps the label */
  const pickCategory = (page: Page, name: string) =>
    page
      .locator('label')
      .filter({ has: page.getByRole('radio', { name }) })
      .click();

  const registrationPosts = (page: Page) => {
    const posts: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/sessions\/\d+\/registrations$/.test(new URL(r.url()).pathname))
        posts.push(r);
    });
    return posts;
  };

  it('home shows both programs in Chinese with open sessions first; accessible', async () => {
    const session = await createSession(stack.api.http, admin, fairId);
    const page = await (await stack.phone()).newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: '正在报名的场次' }).waitFor();
    await page.getByText('泉州市进一步强化民营经济发展人才支持2021年活动方案').first().waitFor();
    await page.getByText('先进制造业人才中心和创新高地实施方案', { exact: false }).first().waitFor();
    await page.locator(`a[href="/sessions/${session.id}"]`).getByText('报名中').waitFor();
    await screenshot(page, '01-home');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/activities/${fairId}`);
    await page.getByRole('heading', { name: '场次' }).waitFor();
    await page.getByText('牵头单位').waitFor();
    await page.getByText('剩余 200').first().waitFor();
    await screenshot(page, '02-activity');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an enterprise: wrong 统一社会信用代码 refused in the page, then registers once on a double tap, QR decodes, cancels from the mail link', async () => {
    const session = await createSession(stack.api.http, admin, fairId);
    const page = await (await stack.phone()).newPage();
    const posts = registrationPosts(page);
    // a deep link loads directly
    await page.goto(`/sessions/${session.id}`);
    await page.getByRole('button', { name: '提交报名' }).waitFor();
    await pickCategory(page, '企业');
    const uscc = makeUscc(4242);
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');

    await page.getByLabel('单位名称').fill('泉州网页测试企业有限公司');
    await page.getByLabel('统一社会信用代码').fill(wrong);
    await page.getByLabel('联系人').focus();
    await page.getByText('统一社会信用代码校验位不正确，请核对').waitFor();
    await page.getByRole('button', { name: '提交报名' }).click();
    await page.getByText('请阅读并同意个人信息保护告知书').waitFor();
    await screenshot(page, '03-session-form-error');
    expect(posts).toHaveLength(0);

    await page.getByLabel('统一社会信用代码').fill(uscc);
    await page.getByLabel('联系人').fill('王经理');
    await page.getByLabel('手机号码').fill('13905951234');
    await page.getByLabel('电子邮箱').fill('hr@web-test.example.cn');
    await page.getByRole('checkbox', { name: /个人信息保护告知书/ }).check();
    await page.getByText('统一社会信用代码校验位不正确，请核对').waitFor({ state: 'hidden' });
    expect(await seriousViolations(page)).toEqual([]);
    // a double tap on the button
    await page.getByRole('button', { name: '提交报名' }).dblclick();
    await page.waitForURL(/\/r\/\d+\?token=/);
    await page.getByTestId('registration-status').getByText('已确认').waitFor();
    const code = (await page.getByTestId('check-in-code').textContent())!.trim();
    const qr = page.getByTestId('check-in-qr');
    await qr.waitFor();
    expect(await decodeQr(qr)).toBe(code);
    await page.getByRole('button', { name: '添加到日历' }).waitFor();
    await screenshot(page, '04-confirmation');
    expect(await seriousViolations(page)).toEqual([]);

    // one registration, whatever the taps; the page's code is the API's
    const regId = Number(/\/r\/(\d+)/.exec(page.url())![1]);
    const token = new URL(page.url()).searchParams.get('token')!;
    const list = await stack.api.http
      .get(`/api/sessions/${session.id}/registrations`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].id).toBe(regId);
    const view = await stack.api.http.get(`/api/registrations/${regId}`).query({ token }).expect(200);
    expect(view.body).toMatchObject({ status: 'confirmed', checkInCode: code, consentVersion: expect.any(String) });
    const before = await stack.api.http.get(`/api/sessions/${session.id}`).expect(200);
    expect(before.body.quotas.find((q: { category: string }) => q.category === 'enterprise')).toMatchObject({
      confirmed: 1,
      available: 199,
    });

    // the manage link from the mail the enterprise received
    let mailLink: string | undefined;
    await waitFor('the confirmation mail', () => {
      const mail = stack.smtp.messages.find((m) => m.to.includes('hr@web-test.example.cn'));
      mailLink = mail && /https?:\/\/[^\s"<>]+\/r\/\d+\?token=[^\s"<>]+/.exec(mail.text)?.[0];
      return mailLink !== undefined;
    });
    expect(mailLink).toBe(`${stack.url}/r/${regId}?token=${token}`);
    const manage = await (await stack.phone()).newPage();
    await manage.goto(mailLink!);
    await manage.getByRole('heading', { name: '我的报名' }).waitFor();
    await manage.getByTestId('registration-status').getByText('已确认').waitFor();
    expect(await decodeQr(manage.getByTestId('check-in-qr'))).toBe(code);
    await screenshot(manage, '05-manage');
    expect(await seriousViolations(manage)).toEqual([]);
    await manage.getByRole('button', { name: '取消报名' }).click();
    const dialog = manage.getByRole('dialog', { name: '确认取消报名？' });
    await dialog.waitFor();
    await screenshot(manage, '06-cancel-confirm');
    await dialog.getByRole('button', { name: '确认取消' }).click();
    await manage.getByTestId('registration-status').getByText('已取消').waitFor();
    await screenshot(manage, '07-cancelled');

    const after = await stack.api.http.get(`/api/sessions/${session.id}`).expect(200);
    expect(after.body.quotas.find((q: { category: string }) => q.category === 'enterprise')).toMatchObject({
      confirmed: 0,
      available: 200,
    });
  });

  it('a PhD joins a full session’s waitlist by keyboard alone and sees 候补第 1 位', async () => {
    const session = await createSession(stack.api.http, admin, fairId, {
      quotas: [
        { category: 'enterprise', capacity: 5 },
        { category: 'phd', capacity: 1 },
      ],
    });
    await stack.api.http
      .post(`/api/sessions/${session.id}/registrations`)
      .send({
        category: 'phd',
        name: '李博士',
        email: 'li@phd.example.cn',
        profile: { institution: '华侨大学', field: '材料科学' },
      })
      .expect(201);

    // by keyboard only: the skip link first, a radio chosen with Space, the consent with Space, Enter submits
    const page = await (await stack.phone()).newPage();
    await page.goto(`/sessions/${session.id}`);
    await page.getByRole('button', { name: '提交报名' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('跳到正文');
    await page.getByRole('radio', { name: '博士（候补）' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('名额已满，提交后进入候补').waitFor();
    await page.getByLabel('姓名').focus();
    await page.keyboard.type('陈博士');
    await page.keyboard.press('Tab');
    await page.keyboard.type('厦门大学');
    await page.keyboard.press('Tab');
    await page.keyboard.type('人工智能');
    await page.keyboard.press('Tab');
    await page.keyboard.type('13805951234');
    await page.keyboard.press('Tab');
    await page.keyboard.type('chen@phd.example.cn');
    await page.getByRole('checkbox', { name: /个人信息保护告知书/ }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: /个人信息保护告知书/ }).isChecked()).toBe(true);
    await page.getByLabel('电子邮箱').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/r\/\d+\?token=/);
    await page.getByText('候补第 1 位').first().waitFor();
    await page.getByTestId('registration-status').getByText('候补').first().waitFor();
    expect(await page.getByTestId('check-in-qr').count()).toBe(0);
    await screenshot(page, '08-waitlisted');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an API 4xx is shown on the field it names; a duplicate is refused with the reason', async () => {
    const session = await createSession(stack.api.http, admin, fairId);
    const base = {
      category: 'enterprise',
      name: '泉州重复企业有限公司',
      email: 'dup@dup.example.cn',
      profile: { uscc: makeUscc(777), contactName: '张三' },
    };
    await stack.api.http.post(`/api/sessions/${session.id}/registrations`).send(base).expect(201);
    const page = await (await stack.phone()).newPage();
    const posts = registrationPosts(page);
    await page.goto(`/sessions/${session.id}?lang=en`);
    await page.getByRole('button', { name: 'Submit' }).waitFor();
    await page.goto(`/sessions/${session.id}?lang=zh-CN`);
    await pickCategory(page, '企业');
    await page.getByLabel('单位名称').fill(base.name);
    await page.getByLabel('统一社会信用代码').fill(base.profile.uscc);
    // longer than the API allows (100): the page lets it through, the API names the field
    await page.getByLabel('联系人').fill('张'.repeat(150));
    await page.getByLabel('手机号码').fill('13905950000');
    await page.getByLabel('电子邮箱').fill(base.email);
    await page.getByRole('checkbox', { name: /个人信息保护告知书/ }).check();
    await page.getByRole('button', { name: '提交报名' }).click();
    const contactItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('联系人') });
    await contactItem.locator('.ant-form-item-explain-error').waitFor();
    expect(posts).toHaveLength(1);
    expect(await contactItem.locator('.ant-form-item-explain-error').textContent()).toMatch(/\S/);
    await screenshot(page, '09-api-field-error');

    // fixed: the same enterprise again is a 409, shown with the reason; nothing is created
    await page.getByLabel('联系人').fill('张三');
    await page.getByRole('button', { name: '提交报名' }).click();
    await page.getByRole('alert').getByText('报名未成功').waitFor();
    expect(posts).toHaveLength(2);
    expect(page.url()).toContain(`/sessions/${session.id}`);
    await screenshot(page, '10-duplicate');
    const list = await stack.api.http
      .get(`/api/sessions/${session.id}/registrations`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(list.body.total).toBe(1);
  });
});

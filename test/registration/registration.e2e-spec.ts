import { makeIdNumber } from '@app/testing/identities';
import { activityId, createSession, enterprise, login, phd } from '@app/testing/fixtures';
import { startTestApp, TestApp } from '@app/testing/test-app';

describe.each(['mysql', 'sqlite'] as const)('registration on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let fair: number;
  const auth = () => ({ Authorization: `Bearer ${admin}` });

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await login(t.http);
    fair = await activityId(t.http, '2021-2-2');
  });
  afterAll(() => t?.close());

  const quota = async (sessionId: number, category: string) => {
    const res = await t.http.get(`/api/sessions/${sessionId}`).expect(200);
    return res.body.quotas.find((q: { category: string }) => q.category === category);
  };

  it('confirms, then shows the holder their status and check-in code', async () => {
    const s = await createSession(t.http, admin, fair);
    expect(s.quotas).toEqual(
      expect.arrayContaining([
        { category: 'enterprise', capacity: 200, confirmed: 0, pending: 0, waitlisted: 0, available: 200 },
      ]),
    );
    const res = await t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(1)).expect(201);
    expect(res.body).toEqual({ id: expect.any(Number), status: 'confirmed', manageToken: expect.any(String) });

    const view = await t.http.get(`/api/registrations/${res.body.id}?token=${res.body.manageToken}`).expect(200);
    expect(view.body).toMatchObject({ status: 'confirmed', checkInCode: expect.stringMatching(/^[A-Z2-9]{10}$/) });
    await t.http.get(`/api/registrations/${res.body.id}?token=wrong`).expect(403);
    await t.http.get(`/api/registrations/${res.body.id}`).expect(401);
    expect(await quota(s.id, 'enterprise')).toMatchObject({ confirmed: 1, available: 199 });
  });

  it('names the field for a wrong check character, a wrong mobile prefix and a bad ID number, and writes nothing', async () => {
    const s = await createSession(t.http, admin, fair);
    const badUscc = enterprise(2, {
      profile: { uscc: enterprise(2).profile.uscc.slice(0, 17) + '0', contactName: '王' },
    });
    const cases: [Record<string, unknown>, string][] = [
      [badUscc, 'profile.uscc'],
      [enterprise(3, { phone: '12812341234' }), 'phone'],
      [
        phd(4, { profile: { institution: '厦门大学', field: '化学', idNumber: '350502199001011230' } }),
        'profile.idNumber',
      ],
      [phd(5, { profile: { institution: '厦门大学' } }), 'profile.field'],
      [phd(6, { profile: { institution: '厦门大学', field: '化学', shoeSize: 42 } }), 'profile.shoeSize'],
      [enterprise(7, { email: 'not-an-email' }), 'email'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http.post(`/api/sessions/${s.id}/registrations`).send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await quota(s.id, 'enterprise')).toMatchObject({ confirmed: 0, pending: 0, waitlisted: 0 });
    const list = await t.http.get(`/api/sessions/${s.id}/registrations`).set(auth()).expect(200);
    expect(list.body.total).toBe(0);
  });

  it('accepts full-width, lower-case and spaced identifiers and masks them in the organizer list', async () => {
    const s = await createSession(t.http, admin, fair);
    const e = enterprise(8);
    const fullWidth = e.profile.uscc
      .toLowerCase()
      .replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    await t.http
      .post(`/api/sessions/${s.id}/registrations`)
      .send({ ...e, phone: '+86 138-0000-0008', profile: { ...e.profile, uscc: fullWidth } })
      .expect(201);
    await t.http
      .post(`/api/sessions/${s.id}/registrations`)
      .send(phd(9, { profile: { institution: '华侨大学', field: '机械', idNumber: makeIdNumber(9).toLowerCase() } }))
      .expect(201);
    const list = await t.http.get(`/api/sessions/${s.id}/registrations?category=enterprise`).set(auth()).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(list.body.items[0].profile.uscc).toBe(e.profile.uscc);
    expect(list.body.items[0].phone).toBe('13800000008'); // admin may see it
  });

  it('answers a second registration of the same enterprise with 409 naming the first', async () => {
    const s = await createSession(t.http, admin, fair);
    const first = await t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(10)).expect(201);
    const again = await t.http
      .post(`/api/sessions/${s.id}/registrations`)
      .send(enterprise(10, { email: 'someone-else@enterprise10.example.cn' }))
      .expect(409);
    expect(again.body).toMatchObject({ existingRegistrationId: first.body.id });
    expect(again.body.message).toContain(String(first.body.id));
  });

  it('refuses a category without quota, a closed window and a full session without waitlist with 422', async () => {
    const s = await createSession(t.http, admin, fair, {
      waitlistEnabled: false,
      quotas: [{ category: 'phd', capacity: 1 }],
    });
    const noQuota = await t.http.post(`/api/sessions/${s.id}/registrations`).send(enterprise(11)).expect(422);
    expect(noQuota.body.details[0].field).toBe('category');
    await t.http.post(`/api/sessions/${s.id}/registrations`).send(phd(12)).expect(201);
    const full = await t.http.post(`/api/sessions/${s.id}/registrations`).send(phd(13)).expect(422);
    expect(full.body.code).toBe('session_full');

    const closed = await createSession(t.http, admin, fair);
    await t.http
      .patch(`/api/sessions/${closed.id}`)
      .set(auth())
      .send({
        registrationClosesAt: new Date(Date.now() - 1000).toISOString(),
        registrationOpensAt: new Date(Date.now() - 7200_000).toISOString(),
      })
      .expect(200);
    const late = await t.http.post(`/api/sessions/${closed.id}/registrations`).send(phd(14)).expect(422);
    expect(late.body.code).toBe('registration_window_closed');
    expect(late.body.details[0].reason).toBe('报名已截止');
    expect(await quota(s.id, 'phd')).toMatchObject({ confirmed: 1, waitlisted: 0 });
  });

  it('replays one Idempotency-Key to 20 concurrent requests as one registration, and refuses it for another body', async () => {
    const s = await createSession(t.http, admin, fair);
    const body = phd(20);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.http.post(`/api/sessions/${s.id}/registrations`).set('Idempotency-Key', 'key-20').send(body),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await quota(s.id, 'phd')).toMatchObject({ confirmed: 1 });
    const other = await t.http
      .post(`/api/sessions/${s.id}/registrations`)
      .set('Idempotency-Key', 'key-20')
      .send(phd(21))
      .expect(422);
    expect(other.body.details[0].field).toBe('Idempotency-Key');
  });

  it('waitlists in order, promotes the head when a seat frees, and handles approval', async () => {
    const s = await createSession(t.http, admin, fair, { quotas: [{ category: 'phd', capacity: 2 }] });
    const regs = [];
    for (let i = 30; i < 35; i++)
      regs.push((await t.http.post(`/api/sessions/${s.id}/registrations`).send(phd(i)).expect(201)).body);
    expect(regs.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['confirmed', undefined],
      ['confirmed', undefined],
      ['waitlisted', 1],
      ['waitlisted', 2],
      ['waitlisted', 3],
    ]);
    await t.http.post(`/api/registrations/${regs[0].id}/cancel?token=${regs[0].manageToken}`).send({}).expect(200);
    const promoted = await t.http.get(`/api/registrations/${regs[2].id}?token=${regs[2].manageToken}`).expect(200);
    expect(promoted.body.status).toBe('confirmed');
    const next = await t.http.get(`/api/registrations/${regs[3].id}?token=${regs[3].manageToken}`).expect(200);
    expect(next.body.waitlistPosition).toBe(1);
    expect(await quota(s.id, 'phd')).toMatchObject({ confirmed: 2, waitlisted: 2, available: 0 });

    // a repeated cancel is a no-op
    await t.http.post(`/api/registrations/${regs[0].id}/cancel?token=${regs[0].manageToken}`).send({}).expect(200);
    expect(await quota(s.id, 'phd')).toMatchObject({ confirmed: 2, waitlisted: 2 });

    // raising the capacity promotes at once
    await t.http
      .patch(`/api/sessions/${s.id}`)
      .set(auth())
      .send({ quotas: [{ category: 'phd', capacity: 3 }] })
      .expect(200);
    expect(await quota(s.id, 'phd')).toMatchObject({ capacity: 3, confirmed: 3, waitlisted: 1 });
    // lowering below the seats taken is refused
    const shrink = await t.http
      .patch(`/api/sessions/${s.id}`)
      .set(auth())
      .send({ quotas: [{ category: 'phd', capacity: 1 }] })
      .expect(422);
    expect(shrink.body.details[0].field).toBe('quotas[0].capacity');

    const gated = await createSession(t.http, admin, fair, {
      requiresApproval: true,
      quotas: [{ category: 'phd', capacity: 1 }],
    });
    const pending = await t.http.post(`/api/sessions/${gated.id}/registrations`).send(phd(40)).expect(201);
    expect(pending.body.status).toBe('pending_approval');
    const waiting = await t.http.post(`/api/sessions/${gated.id}/registrations`).send(phd(41)).expect(201);
    expect(waiting.body.status).toBe('waitlisted');
    await t.http
      .post(`/api/registrations/${pending.body.id}/reject`)
      .set(auth())
      .send({ reason: '名额调整' })
      .expect(200);
    const after = await t.http
      .get(`/api/registrations/${waiting.body.id}?token=${waiting.body.manageToken}`)
      .expect(200);
    expect(after.body.status).toBe('pending_approval');
    const approved = await t.http.post(`/api/registrations/${waiting.body.id}/approve`).set(auth()).expect(200);
    expect(approved.body).toMatchObject({ status: 'confirmed', checkInCode: expect.any(String) });
    expect(await quota(gated.id, 'phd')).toMatchObject({ confirmed: 1, pending: 0, waitlisted: 0 });
  });

  it('lists an activity with its sessions', async () => {
    const res = await t.http.get(`/api/activities/${fair}`).expect(200);
    expect(res.body.sessions.length).toBeGreaterThan(0);
    expect(res.body.sessions[0].quotas[0]).toHaveProperty('available');
  });
});

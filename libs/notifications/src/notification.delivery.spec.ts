import { AppConfig } from '@app/core';
import { MailTransport } from './mail.transport';
import { backoffDelay, NotificationDelivery } from './notification.delivery';
import { NotificationEntity } from './notification.entity';
import { NotificationRepository } from './notification.repository';

const config = { notifyMaxAttempts: 3, notifyBackoffMs: 1000, notifyRequeueAfterMs: 60_000 } as AppConfig;
const row = (over: Partial<NotificationEntity> = {}): NotificationEntity =>
  ({
    id: 9,
    type: 'registration_confirmed',
    locale: 'zh-CN',
    status: 'queued',
    attempts: 0,
    recipientEmail: 'a@example.test',
    recipientName: '甲',
    createdAt: new Date('2025-01-01T00:00:00Z'),
    payload: {
      recipientName: '甲',
      session: {
        id: 1,
        activityTitle: '活动',
        title: '场次',
        startsAt: '2025-03-15T01:00:00Z',
        endsAt: '2025-03-15T02:00:00Z',
        venue: '场馆',
        city: null,
        mode: 'offline',
        onlineUrl: null,
        status: 'scheduled',
      },
    },
    ...over,
  }) as NotificationEntity;
const smtpError = (responseCode: number) =>
  Object.assign(new Error(`${responseCode} nope`), { code: 'EENVELOPE', responseCode });

describe(NotificationDelivery.name, () => {
  const rows = { findOne: jest.fn(), recordSent: jest.fn(), recordFailure: jest.fn() };
  const transport = { mailDomain: 'mail.example', send: jest.fn() };
  const sut = new NotificationDelivery(
    config,
    rows as unknown as NotificationRepository,
    transport as unknown as MailTransport,
  );
  beforeEach(() => jest.resetAllMocks());

  it('sends, then records sent with the Message-ID', async () => {
    rows.findOne.mockResolvedValue(row());
    transport.send.mockResolvedValue('<notification-9@mail.example>');
    expect(await sut.deliver(9, 'queue')).toEqual({ kind: 'sent', messageId: '<notification-9@mail.example>' });
    expect(transport.send.mock.calls[0][0]).toMatchObject({
      notificationId: 9,
      to: { address: 'a@example.test', name: '甲' },
    });
    expect(rows.recordSent).toHaveBeenCalledWith(9, '<notification-9@mail.example>', expect.any(Date));
  });

  it.each(['sent', 'failed', 'cancelled'] as const)('skips a row already %s without sending', async (status) => {
    rows.findOne.mockResolvedValue(row({ status }));
    expect(await sut.deliver(9, 'queue')).toEqual({ kind: 'skipped', reason: status });
    expect(transport.send).not.toHaveBeenCalled();
  });

  it('skips a row that does not exist', async () => {
    rows.findOne.mockResolvedValue(null);
    expect(await sut.deliver(9, 'queue')).toEqual({ kind: 'skipped', reason: 'missing' });
  });

  it('retries a 4xx with exponential backoff; BullMQ keeps the row queued, the relay puts it back to pending', async () => {
    rows.findOne.mockResolvedValue(row({ attempts: 1 }));
    transport.send.mockRejectedValue(smtpError(421));
    const queued = await sut.deliver(9, 'queue');
    expect(queued).toMatchObject({ kind: 'retry', delayMs: 2000 });
    expect(rows.recordFailure.mock.calls[0][1]).toMatchObject({
      status: 'queued',
      lastError: expect.stringContaining('421'),
    });
    await sut.deliver(9, 'relay');
    expect(rows.recordFailure.mock.calls[1][1]).toMatchObject({ status: 'pending', lockedUntil: null });
    const next = rows.recordFailure.mock.calls[1][1].nextAttemptAt as Date;
    expect(next.getTime() - Date.now()).toBeGreaterThan(1500);
  });

  it('fails a 5xx at once, after one attempt', async () => {
    rows.findOne.mockResolvedValue(row());
    transport.send.mockRejectedValue(smtpError(550));
    expect(await sut.deliver(9, 'queue')).toMatchObject({ kind: 'failed', permanent: true });
    expect(rows.recordFailure.mock.calls[0][1]).toMatchObject({ status: 'failed' });
  });

  it('fails a temporary error once the attempts are used up', async () => {
    rows.findOne.mockResolvedValue(row({ attempts: 2 }));
    transport.send.mockRejectedValue(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' }));
    expect(await sut.deliver(9, 'relay')).toMatchObject({ kind: 'failed', permanent: false });
  });

  it('fails a row whose facts cannot be rendered without trying to send it', async () => {
    rows.findOne.mockResolvedValue(row({ type: 'no_such_type' as never }));
    expect(await sut.deliver(9, 'queue')).toMatchObject({ kind: 'failed', permanent: true });
    expect(transport.send).not.toHaveBeenCalled();
  });
});

describe(backoffDelay.name, () => {
  it('doubles per attempt and stops at an hour', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(30_000, n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffDelay(30_000, 20)).toBe(3_600_000);
  });
});

import { TransactionContext } from '@app/core';
import { NotificationQueue } from './notification.queue';
import { NotificationRepository } from './notification.repository';
import { NewNotification } from './notification.types';
import { NotificationsService } from './notifications.service';
import { NotificationRelay } from './relay.service';

describe(NotificationsService.name, () => {
  const rows = { insertMany: jest.fn(), findOne: jest.fn(), resetFailed: jest.fn(), cancelPending: jest.fn() };
  const relay = { kick: jest.fn() };
  const queue = { removeJobs: jest.fn().mockResolvedValue(undefined) };
  const sut = new NotificationsService(
    rows as unknown as NotificationRepository,
    relay as unknown as NotificationRelay,
    queue as unknown as NotificationQueue,
  );
  const hooks: (() => unknown)[] = [];
  const tx = { em: {}, afterCommit: (h: () => unknown) => hooks.push(h) } as unknown as TransactionContext;
  const n = { dedupeKey: 'k' } as NewNotification;
  beforeEach(() => {
    jest.clearAllMocks();
    hooks.length = 0;
  });

  it('writes in the caller transaction and wakes the relay only after commit', async () => {
    await sut.enqueueMany(tx, [n, n]);
    expect(rows.insertMany).toHaveBeenCalledWith(tx.em, [n, n], expect.any(Date));
    expect(relay.kick).not.toHaveBeenCalled();
    hooks.forEach((h) => h());
    expect(relay.kick).toHaveBeenCalledTimes(1);
  });

  it('does nothing for an empty list', async () => {
    await sut.enqueueMany(tx, []);
    expect(rows.insertMany).not.toHaveBeenCalled();
    expect(hooks).toHaveLength(0);
  });

  it('refuses to retry a sent notification with a 409', async () => {
    rows.findOne.mockResolvedValue({ id: 3, status: 'sent', sentAt: new Date() });
    await expect(sut.retry(3)).rejects.toMatchObject({ statusCode: 409 });
  });

  it('404s an unknown notification', async () => {
    rows.findOne.mockResolvedValue(null);
    await expect(sut.retry(3)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('frees the old job id before putting a failed row back to pending', async () => {
    const failed = {
      id: 3,
      status: 'failed',
      type: 'registration_confirmed',
      createdAt: new Date(),
      dueAt: new Date(),
      sentAt: null,
    };
    rows.findOne.mockResolvedValue(failed);
    rows.resetFailed.mockResolvedValue(true);
    await sut.retry(3);
    expect(queue.removeJobs.mock.invocationCallOrder[0]).toBeLessThan(rows.resetFailed.mock.invocationCallOrder[0]!);
    expect(relay.kick).toHaveBeenCalled();
  });
});

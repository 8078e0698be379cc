import { AppConfig } from '@app/core';
import { NotificationDelivery } from './notification.delivery';
import { NotificationQueue } from './notification.queue';
import { NotificationRepository } from './notification.repository';
import { NotificationRelay, RELAY_BATCH } from './relay.service';

const config = { notifyPollMs: 1000, notifyRequeueAfterMs: 60_000, workerConcurrency: 2 } as AppConfig;

function setup(withQueue: boolean) {
  const rows = {
    findDue: jest.fn().mockResolvedValue([]),
    findStale: jest.fn().mockResolvedValue([]),
    claim: jest.fn(async (ids: number[], ..._rest: unknown[]) => ids),
    release: jest.fn(),
  };
  const delivery = { deliver: jest.fn().mockResolvedValue({ kind: 'sent', messageId: 'm' }) };
  const queue = { addAll: jest.fn(), jobStates: jest.fn(), removeJobs: jest.fn() };
  const sut = new NotificationRelay(
    config,
    rows as unknown as NotificationRepository,
    delivery as unknown as NotificationDelivery,
    withQueue ? (queue as unknown as NotificationQueue) : undefined,
  );
  return { sut, rows, delivery, queue };
}

describe(NotificationRelay.name, () => {
  it('claims due rows and hands them to BullMQ in one addBulk per batch', async () => {
    const { sut, rows, queue } = setup(true);
    const full = Array.from({ length: RELAY_BATCH }, (_, i) => i + 1);
    rows.findDue.mockResolvedValueOnce(full).mockResolvedValueOnce([501, 502]);
    await sut.drain();
    expect(rows.claim).toHaveBeenCalledWith(full, 'pending', expect.any(String), expect.any(Date), expect.any(Date));
    expect(queue.addAll.mock.calls).toEqual([[full], [[501, 502]]]);
  });

  it('gives the rows back when Redis refuses them, and does not throw', async () => {
    const { sut, rows, queue } = setup(true);
    rows.findDue.mockResolvedValueOnce([1, 2]);
    queue.addAll.mockRejectedValue(new Error("Stream isn't writeable"));
    await expect(sut.drain()).resolves.toBeUndefined();
    expect(rows.release).toHaveBeenCalledWith([1, 2], rows.claim.mock.calls[0]![2]);
  });

  it('gives back, on the next pass, a claim the database failed to confirm (it may have committed)', async () => {
    const { sut, rows, queue } = setup(true);
    jest.spyOn(sut['logger'], 'warn').mockImplementation(() => undefined);
    jest.spyOn(sut['logger'], 'log').mockImplementation(() => undefined);
    rows.findDue.mockResolvedValueOnce([7, 8]);
    rows.claim.mockRejectedValueOnce(
      Object.assign(new Error('Connection lost: The server closed the connection.'), {
        code: 'PROTOCOL_CONNECTION_LOST',
      }),
    );
    await expect(sut.drain()).resolves.toBeUndefined();
    expect(queue.addAll).not.toHaveBeenCalled();
    expect(rows.release).not.toHaveBeenCalled();
    const token = rows.claim.mock.calls[0]![2];

    // the database is back: the uncertain claim goes back to pending first, then the rows go out
    rows.findDue.mockResolvedValueOnce([7, 8]);
    await sut.drain();
    expect(rows.release).toHaveBeenCalledWith([7, 8], token);
    expect(rows.release.mock.invocationCallOrder[0]).toBeLessThan(rows.findStale.mock.invocationCallOrder.at(-1)!);
    expect(queue.addAll).toHaveBeenCalledWith([7, 8]);
    // one warning for the outage, one line for the recovery
    expect(sut['logger'].warn).toHaveBeenCalledTimes(1);
    expect(sut['logger'].log).toHaveBeenCalledWith('notification relay recovered');
  });

  it('only sends the rows its claim won', async () => {
    const { sut, rows, queue } = setup(true);
    rows.findDue.mockResolvedValueOnce([1, 2, 3]);
    rows.claim.mockResolvedValueOnce([2]);
    await sut.drain();
    expect(queue.addAll).toHaveBeenCalledWith([2]);
  });

  it('re-adds stale rows whose job is gone or finished, and leaves waiting jobs alone', async () => {
    const { sut, rows, queue } = setup(true);
    rows.findStale.mockResolvedValueOnce([1, 2, 3]);
    queue.jobStates.mockResolvedValue(
      new Map([
        [1, 'unknown'],
        [2, 'failed'],
        [3, 'waiting'],
      ]),
    );
    await sut.drain();
    expect(rows.claim).toHaveBeenCalledWith([1, 2, 3], 'stale', expect.any(String), expect.any(Date), expect.any(Date));
    expect(queue.removeJobs).toHaveBeenCalledWith([2]);
    expect(queue.addAll).toHaveBeenCalledWith([1, 2]);
  });

  it('delivers in-process when there is no queue', async () => {
    const { sut, rows, delivery } = setup(false);
    rows.findDue.mockResolvedValueOnce([4, 5, 6]);
    await sut.drain();
    expect(delivery.deliver.mock.calls.map((c) => c[0]).sort()).toEqual([4, 5, 6]);
    expect(delivery.deliver).toHaveBeenCalledWith(4, 'relay');
  });

  it('runs one pass at a time: a kick during a pass schedules one more', async () => {
    const { sut, rows } = setup(true);
    let release!: () => void;
    rows.findStale.mockImplementationOnce(() => new Promise((r) => (release = () => r([]))));
    sut.kick();
    // a kick gathers commits for a moment before its pass starts
    while (rows.findStale.mock.calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    sut.kick();
    sut.kick();
    release();
    await sut.drain();
    // the pass in flight, then exactly one more for the kicks it absorbed
    expect(rows.findStale.mock.calls.length).toBe(2);
  });

  it('looks for stale rows once per poll interval, however often it is kicked, and always on drain', async () => {
    const { sut, rows } = setup(true);
    const pass = async () => {
      sut.kick();
      while (sut['running']) await sut['running'];
    };
    await pass();
    await pass();
    await pass();
    expect(rows.findDue).toHaveBeenCalledTimes(3);
    expect(rows.findStale).toHaveBeenCalledTimes(1);
    await sut.drain();
    expect(rows.findStale).toHaveBeenCalledTimes(2);
    // a poll interval later a kicked pass looks again
    sut['staleCheckedAt'] -= config.notifyPollMs;
    await pass();
    expect(rows.findStale).toHaveBeenCalledTimes(3);
  });
});

import { DataSource, Like } from 'typeorm';
import { NotificationEntity } from '@app/notifications';
import { NotificationRepository } from '@app/notifications/notification.repository';
import { startTestApp, TestApp } from '@app/testing/test-app';
import { enqueueInTx, sampleNotification } from './support';

/**
 * The relay's claim on a real database: each row goes to one claimer, and the ids a claim returns
 * are exactly the rows it won, whether it won all it asked for, only some, or none.
 */
describe.each(['sqlite', 'mysql'] as const)('outbox claims on %s', (kind) => {
  let t: TestApp;
  let rows: NotificationRepository;

  beforeAll(async () => {
    t = await startTestApp(kind);
    rows = t.app.get(NotificationRepository);
  });
  afterAll(() => t?.close());

  /** Rows due tomorrow: this app's own relay leaves them alone. */
  async function outboxRows(n: number): Promise<number[]> {
    const tag = `claim-${kind}-${Date.now()}`;
    const dueAt = new Date(Date.now() + 86_400_000);
    await enqueueInTx(
      t.app,
      Array.from({ length: n }, (_, i) => sampleNotification(i, { tag, dueAt })),
    );
    const found = await t.app
      .get(DataSource)
      .getRepository(NotificationEntity)
      .find({ select: { id: true }, where: { dedupeKey: Like(`test:${tag}:%`) }, order: { id: 'ASC' } });
    expect(found).toHaveLength(n);
    return found.map((r) => r.id);
  }

  it('returns what each claim won: all, the rest, nothing, then the stale rows again', async () => {
    const ids = await outboxRows(5);
    const now = new Date();
    const lease = new Date(now.getTime() + 60_000);
    expect(await rows.claim([ids[3]!, ids[1]!], 'pending', 'token-a', now, lease)).toEqual([ids[1], ids[3]]);
    expect(await rows.claim(ids, 'pending', 'token-b', now, lease)).toEqual([ids[0], ids[2], ids[4]]);
    expect(await rows.claim(ids, 'pending', 'token-c', now, lease)).toEqual([]);
    // not stale before the lease ends; after it, one claimer takes them all back
    expect(await rows.claim(ids, 'stale', 'token-d', now, lease)).toEqual([]);
    const later = new Date(lease.getTime() + 1);
    expect(await rows.claim([...ids, ids[0]!], 'stale', 'token-e', later, lease)).toEqual(ids);
    const tokens = await t.app
      .get(DataSource)
      .getRepository(NotificationEntity)
      .find({ select: { id: true, claimToken: true, status: true }, where: ids.map((id) => ({ id })) });
    expect(tokens.map((r) => [r.claimToken, r.status])).toEqual(ids.map(() => ['token-e', 'queued']));
  });
});

import { CatalogService } from '@app/catalog';
import { AuthUser } from '../auth/auth-user';
import { AccessService } from './access.service';

const HRSS = 5;
const SAMR = 9;
const FAIR = 12; // 泉博会: lead and host 市人社局
const user = (role: AuthUser['role'], unitIds: number[] = [], sessionIds: number[] = []): AuthUser => ({
  id: 1,
  email: 'u@test.example',
  role,
  unitIds,
  sessionIds,
});
const status = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { statusCode?: number }) => e.statusCode,
  );

describe(AccessService.name, () => {
  const catalog = { activityUnitIds: jest.fn(async (id: number) => (id === FAIR ? [HRSS, 7] : [])) };
  const sut = new AccessService(catalog as unknown as CatalogService);

  it.each([
    ['anonymous', undefined, 401],
    ['admin', user('admin'), 'ok'],
    ['organizer of a host unit', user('organizer', [SAMR, HRSS]), 'ok'],
    ['organizer of another unit', user('organizer', [SAMR]), 403],
    ['check-in staff of a host unit', user('checkin_staff', [HRSS]), 403],
  ])('manage activity: %s → %s', async (_who, u, expected) => {
    expect(await status(sut.assertCanManageActivity(u, FAIR))).toBe(expected);
  });

  it.each([
    ['anonymous', undefined, 401],
    ['admin', user('admin'), 'ok'],
    ['organizer of the activity', user('organizer', [HRSS]), 'ok'],
    ['organizer elsewhere, even if listed on the session', user('organizer', [SAMR], [77]), 403],
    ['check-in staff of a host unit', user('checkin_staff', [HRSS]), 'ok'],
    ['check-in staff of the session', user('checkin_staff', [], [77]), 'ok'],
    ['check-in staff of another unit and session', user('checkin_staff', [SAMR], [78]), 403],
  ])('check in: %s → %s', async (_who, u, expected) => {
    expect(await status(sut.assertCanCheckIn(u, { activityId: FAIR, sessionId: 77 }))).toBe(expected);
  });

  it.each([
    ['anonymous', undefined, 401],
    ['admin', user('admin'), 'ok'],
    ['organizer of a responsible unit', user('organizer', [HRSS]), 'ok'],
    ['organizer of another unit', user('organizer', [SAMR]), 403],
    ['check-in staff of a responsible unit', user('checkin_staff', [HRSS]), 403],
  ])('report: %s → %s', async (_who, u, expected) => {
    expect(await status(sut.assertCanReportFor(u, [HRSS, 3]))).toBe(expected);
  });

  it('personal data only for admins and organizers of the activity', async () => {
    expect(await sut.canSeePersonalData(undefined, FAIR)).toBe(false);
    expect(await sut.canSeePersonalData(user('admin'), FAIR)).toBe(true);
    expect(await sut.canSeePersonalData(user('organizer', [HRSS]), FAIR)).toBe(true);
    expect(await sut.canSeePersonalData(user('organizer', [SAMR]), FAIR)).toBe(false);
    expect(await sut.canSeePersonalData(user('checkin_staff', [HRSS]), FAIR)).toBe(false);
  });

  it('an unknown activity has no organizers (the caller answers 404 for it)', async () => {
    expect(await status(sut.assertCanManageActivity(user('organizer', [HRSS]), 404404))).toBe(403);
    expect(await status(sut.assertCanManageActivity(user('admin'), 404404))).toBe('ok');
  });
});

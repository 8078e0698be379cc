import { useQuery } from '@tanstack/react-query';
import { get } from './http';
import type { AttendanceView, MyPrograms, SessionView } from './types';

export const useMyActivities = () =>
  useQuery({ queryKey: ['console', 'my-activities'], queryFn: () => get<MyPrograms>('/api/me/activities') });

export const useSessionView = (id: number | undefined) =>
  useQuery({
    queryKey: ['console', 'session', id],
    queryFn: () => get<SessionView>(`/api/sessions/${id}`),
    enabled: id !== undefined,
  });

export const useAttendance = (sessionId: number | undefined, refetchInterval?: number) =>
  useQuery({
    queryKey: ['console', 'attendance', sessionId],
    queryFn: () => get<AttendanceView>(`/api/sessions/${sessionId}/attendance`),
    enabled: sessionId !== undefined,
    refetchInterval,
  });

/** Active registrations of a session (confirmed, pending, waitlisted): who a change notifies. */
export const activeRegistrants = (s: SessionView): number =>
  s.quotas.reduce((n, q) => n + q.confirmed + q.pending + q.waitlisted, 0);

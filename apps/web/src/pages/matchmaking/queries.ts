import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, unwrap } from '../../api/client';
import type {
  AgendaItem,
  MatchProfile,
  MatchSettings,
  Meeting,
  MeetingResult,
  ProfileBody,
  Suggestion,
  Vocabulary,
} from './types';

/** Everything a registrant does with its manage token: one key prefix, so a change refreshes it all. */
const key = (id: number, ...rest: unknown[]) => ['matchmaking', id, ...rest];
const at = (id: number, token: string) => ({ params: { path: { id }, query: { token } } });
const meetingAt = (id: number, meetingId: number, token: string) => ({
  params: { path: { id, meetingId }, query: { token } },
});

export const useVocabulary = () =>
  useQuery({
    queryKey: ['matchmaking-vocabulary'],
    queryFn: async () => unwrap<Vocabulary>(await api.GET('/api/matchmaking/vocabulary')),
    staleTime: Infinity,
  });

/** The session's settings; `null` when the session does not run matchmaking (422). */
export const useMatchSettings = (sessionId: number | undefined) =>
  useQuery({
    queryKey: ['matchmaking-settings', sessionId],
    enabled: sessionId !== undefined,
    retry: false,
    queryFn: async () => {
      try {
        return unwrap<MatchSettings>(
          await api.GET('/api/sessions/{id}/matchmaking', { params: { path: { id: sessionId! } } }),
        );
      } catch (e) {
        if (e instanceof ApiError && (e.status === 422 || e.status === 404)) return null;
        throw e;
      }
    },
  });

/** The own profile; `null` before it is first published. */
export const useOwnProfile = (id: number, token: string) =>
  useQuery({
    queryKey: key(id, 'profile'),
    queryFn: async () => {
      try {
        return unwrap<MatchProfile>(await api.GET('/api/registrations/{id}/matchmaking/profile', at(id, token)));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });

export const useSuggestions = (id: number, token: string, enabled: boolean) =>
  useQuery({
    queryKey: key(id, 'suggestions'),
    enabled,
    queryFn: async () =>
      unwrap<{ items: Suggestion[] }>(await api.GET('/api/registrations/{id}/matchmaking/suggestions', at(id, token)))
        .items,
  });

export const useMeetings = (id: number, token: string, enabled: boolean) =>
  useQuery({
    queryKey: key(id, 'requests'),
    enabled,
    queryFn: async () =>
      unwrap<{ items: Meeting[] }>(await api.GET('/api/registrations/{id}/matchmaking/requests', at(id, token))).items,
  });

export const useAgenda = (id: number, token: string, enabled: boolean) =>
  useQuery({
    queryKey: key(id, 'agenda'),
    enabled,
    queryFn: async () =>
      unwrap<{ items: AgendaItem[] }>(await api.GET('/api/registrations/{id}/matchmaking/agenda', at(id, token))).items,
  });

function useRefreshing<V>(id: number, fn: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['matchmaking', id] }) });
}

export const usePublishProfile = (id: number, token: string) =>
  useRefreshing(id, async (body: ProfileBody) =>
    unwrap<MatchProfile>(await api.PUT('/api/registrations/{id}/matchmaking/profile', { ...at(id, token), body })),
  );

export const useRequestMeeting = (id: number, token: string) =>
  useRefreshing(id, async (body: { toRegistrationId: number; message?: string }) =>
    unwrap<Meeting>(await api.POST('/api/registrations/{id}/matchmaking/requests', { ...at(id, token), body })),
  );

export type Answer = 'accept' | 'decline' | 'withdraw';

export const useAnswer = (id: number, token: string) =>
  useRefreshing(id, async ({ meetingId, answer }: { meetingId: number; answer: Answer }) => {
    const opts = meetingAt(id, meetingId, token);
    const result =
      answer === 'accept'
        ? await api.POST('/api/registrations/{id}/matchmaking/requests/{meetingId}/accept', opts)
        : answer === 'decline'
          ? await api.POST('/api/registrations/{id}/matchmaking/requests/{meetingId}/decline', opts)
          : await api.POST('/api/registrations/{id}/matchmaking/requests/{meetingId}/withdraw', opts);
    return unwrap<Meeting>(result);
  });

export const useRecordResult = (id: number, token: string) =>
  useRefreshing(id, async ({ meetingId, result }: { meetingId: number; result: MeetingResult }) =>
    unwrap<Meeting>(
      await api.PUT('/api/registrations/{id}/matchmaking/meetings/{meetingId}/result', {
        ...meetingAt(id, meetingId, token),
        body: { result },
      }),
    ),
  );

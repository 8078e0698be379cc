import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { Activity, Program, ProgramSummary, Registration, RegistrationCreated, Session } from './types';
import type { components, operations } from './schema';

type RegisterHeaders = NonNullable<operations['RegistrationsController_register']['parameters']['header']>;

export type RegistrationBody = components['schemas']['CreateRegistrationDto'] & {
  consentVersion: string;
};

export const usePrograms = () =>
  useQuery({
    queryKey: ['programs'],
    queryFn: async () => unwrap<ProgramSummary[]>(await api.GET('/api/programs')),
  });

export const useProgramsInFull = (codes: string[]) =>
  useQueries({
    queries: codes.map((code) => ({
      queryKey: ['program', code],
      queryFn: async () => unwrap<Program>(await api.GET('/api/programs/{code}', { params: { path: { code } } })),
    })),
  });

export const useActivity = (id: number) =>
  useQuery({
    queryKey: ['activity', id],
    queryFn: async () => unwrap<Activity>(await api.GET('/api/activities/{id}', { params: { path: { id } } })),
  });

/** Sessions not yet over, of every activity, in one request (the home page). */
export const useUpcomingSessions = () =>
  useQuery({
    queryKey: ['upcoming-sessions'],
    queryFn: async () => unwrap<Session[]>(await api.GET('/api/sessions/upcoming')),
  });

export const useSession = (id: number) =>
  useQuery({
    queryKey: ['session', id],
    queryFn: async () => unwrap<Session>(await api.GET('/api/sessions/{id}', { params: { path: { id } } })),
  });

export const useRegistration = (id: number, token: string) =>
  useQuery({
    queryKey: ['registration', id, token],
    queryFn: async () =>
      unwrap<Registration>(await api.GET('/api/registrations/{id}', { params: { path: { id }, query: { token } } })),
  });

export function useRegister(sessionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: RegistrationBody; idempotencyKey: string }) =>
      unwrap<RegistrationCreated>(
        await api.POST('/api/sessions/{id}/registrations', {
          params: { path: { id: sessionId }, header: { 'Idempotency-Key': idempotencyKey } as RegisterHeaders },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['session', sessionId] }),
  });
}

export function useCancelRegistration(id: number, token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap<unknown>(
        await api.POST('/api/registrations/{id}/cancel', {
          params: { path: { id }, query: { token } },
          body: {},
        }),
      ),
    onSuccess: () => client.invalidateQueries(),
  });
}

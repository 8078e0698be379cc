import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { get } from './http';
import { onSignInChange, readSignIn } from './session';
import type { Me } from './types';

/** Whether a sign-in is stored, kept current when it ends (logout, refused refresh). */
export function useSignedIn(): boolean {
  const [signedIn, setSignedIn] = useState(() => readSignIn() !== null);
  useEffect(() => onSignInChange((s) => setSignedIn(s !== null)), []);
  return signedIn;
}

export const useMe = (enabled = true) =>
  useQuery({ queryKey: ['console', 'me'], queryFn: () => get<Me>('/api/me'), enabled, staleTime: 60_000 });

import type {
  AuthState,
  CreatedToken,
  Me,
  SettingsPatch,
  SignIn,
  SignUp,
  Token,
  TokenCreate,
} from '@contract/auth';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';

const authKey = ['auth', 'state'] as const;
const tokensKey = ['tokens'] as const;

/** Who is signed in, and whether the server still waits for its first user. */
export function useAuthState() {
  return useQuery({ queryKey: authKey, queryFn: () => get<AuthState>('/auth/state'), staleTime: 60_000 });
}

/** Signing in or out changes every answer the server gives: start from a clean cache. */
function useResetAfter<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      await client.invalidateQueries({ queryKey: authKey });
    },
  });
}

export const useSignUp = () => useResetAfter((body: SignUp) => post<Me>('/auth/signup', body));
export const useSignIn = () => useResetAfter((body: SignIn) => post<Me>('/auth/signin', body));
export const useSignOut = () => useResetAfter(() => post<void>('/auth/signout'));

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsPatch) => patch<Me>('/me/settings', body),
    onSuccess: () => client.invalidateQueries({ queryKey: authKey }),
  });
}

export function useTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => get<{ items: Token[] }>('/tokens') });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TokenCreate) => post<CreatedToken>('/tokens', body),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del(`/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

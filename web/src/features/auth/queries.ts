import type {
  AuthState,
  CreatedToken,
  Me,
  PasswordChange,
  PasswordChanged,
  SessionList,
  SessionsRevoked,
  SettingsPatch,
  SignIn,
  SignUp,
  SignUpAccepted,
  Token,
  TokenCreate,
} from '@contract/auth';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, del, get, patch, post, postNoContent } from '../../api/client';

const authKey = ['auth', 'state'] as const;
const tokensKey = ['tokens'] as const;
export const sessionsKey = ['sessions'] as const;

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

/**
 * The server's first user is signed in by sign-up; on an open server later sign-ups get the same
 * 202 whether or not the e-mail was taken (so nobody learns who has an account), and then sign in.
 */
async function signUpThenSignIn(body: SignUp): Promise<Me> {
  const answer = await post<Me | SignUpAccepted>('/auth/signup', body);
  if (!('status' in answer)) return answer;
  try {
    return await post<Me>('/auth/signin', { email: body.email, password: body.password });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      throw new ApiError(
        401,
        'That did not sign you in. If this e-mail already has an account here, sign in with its password instead.',
      );
    throw error;
  }
}

export const useSignUp = () => useResetAfter(signUpThenSignIn);
export const useSignIn = () => useResetAfter((body: SignIn) => post<Me>('/auth/signin', body));
export const useSignOut = () => useResetAfter(() => postNoContent('/auth/signout'));

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

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChange) => post<PasswordChanged>('/me/password', body),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => get<SessionList>('/me/sessions') });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del(`/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useEndOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<SessionsRevoked>('/me/sessions/revoke-others'),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionsKey }),
  });
}

import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { AuthCard } from './auth-card';
import { useSignIn } from './queries';
import { SignUpPage } from './sign-up-page';

export function SignInPage({ signupOpen }: { signupOpen: boolean }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signingUp, setSigningUp] = useState(false);
  if (signingUp) return <SignUpPage onSignIn={() => setSigningUp(false)} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };
  const error = signIn.error instanceof ApiError ? signIn.error.detail : signIn.error?.message;

  return (
    <AuthCard title="Sign in" subtitle="Welcome back.">
      <form onSubmit={submit}>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label="E-mail"
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
          {signupOpen && (
            <Text size="sm" ta="center">
              New here?{' '}
              <Anchor component="button" type="button" onClick={() => setSigningUp(true)}>
                Create an account
              </Anchor>
            </Text>
          )}
        </Stack>
      </form>
    </AuthCard>
  );
}

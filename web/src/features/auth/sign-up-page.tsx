import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError, formError } from '../../ui/field-errors';
import { browserTimeZone, TimeZoneSelect } from '../../ui/time-zone-select';
import { AuthCard } from './auth-card';
import { useSignUp } from './queries';

const FIELDS = ['name', 'email', 'password', 'timeZone'] as const;

/** Creates an account; `first` when the server has no user yet. */
export function SignUpPage({ first = false, onSignIn }: { first?: boolean; onSignIn?: () => void }) {
  const signUp = useSignUp();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState<string | null>(browserTimeZone);
  const short = password.length > 0 && password.length < 10;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < 10) return;
    signUp.mutate({ name, email, password, timeZone: timeZone ?? 'UTC' });
  };
  const err = (field: string) => fieldError(signUp.error, field);
  const general = formError(signUp.error, FIELDS);

  return (
    <AuthCard
      title={first ? 'Welcome to Tend' : 'Create an account'}
      subtitle={first ? 'Create the first account on this server.' : 'It takes a minute.'}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <TextInput
            label="Name"
            required
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err('name')}
          />
          <TextInput
            label="E-mail"
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={err('email')}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={short ? 'must be at least 10 characters' : err('password')}
          />
          <TimeZoneSelect
            label="Time zone"
            value={timeZone}
            onChange={setTimeZone}
            allowDeselect={false}
            error={err('timeZone')}
          />
          <Button
            type="submit"
            loading={signUp.isPending}
            disabled={!name.trim() || !email.trim() || password.length < 10}
          >
            Create account
          </Button>
          {onSignIn && (
            <Text size="sm" ta="center">
              Already have an account?{' '}
              <Anchor component="button" type="button" onClick={onSignIn}>
                Sign in
              </Anchor>
            </Text>
          )}
        </Stack>
      </form>
    </AuthCard>
  );
}

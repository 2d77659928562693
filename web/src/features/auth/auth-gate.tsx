import { Center, Loader } from '@mantine/core';
import { AppLayout } from '../../app/app-layout';
import { ErrorPanel } from '../../ui/error-panel';
import { useAuthState } from './queries';
import { SignInPage } from './sign-in-page';
import { SignUpPage } from './sign-up-page';

/** Shows sign-up on a server without users, sign-in when signed out, and the app otherwise. */
export function AuthGate() {
  const state = useAuthState();
  if (state.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (state.isError) return <ErrorPanel error={state.error} onRetry={() => state.refetch()} />;
  const { me, hasUsers, signupOpen } = state.data;
  if (me) return <AppLayout me={me} />;
  if (!hasUsers) return <SignUpPage first />;
  return <SignInPage signupOpen={signupOpen} />;
}

import { Alert, Button, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { tessera } from '../api';
import { failureOf } from '../project/rules';
import { useSession } from '../session/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { tokenOfLink } from './invite-token';
import { PublicCard } from './PublicCard';

/**
 * /sign-up/verify/:token, from the sign-up mail: turns the account on. The
 * link works once, so it is sent once per token (a query, not an effect
 * that React may run twice).
 */
export default function VerifyEmailPage() {
  const { token = '' } = useParams();
  const { state } = useSession();
  const verified = useQuery({
    queryKey: ['verify-email', token],
    queryFn: async () => {
      const answer = await tessera.POST('/user/verify', { body: { token: tokenOfLink(token) } });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const onward =
    state.status === 'signed-in' ? (
      <Button component={Link} to="/projects">
        Go to your projects
      </Button>
    ) : (
      <Button component={Link} to="/sign-in">
        Sign in
      </Button>
    );
  return (
    <PublicCard title="Verify your email address">
      {verified.isPending && (
        <Center>
          <Loader aria-label="Verifying" />
        </Center>
      )}
      {verified.isSuccess && (
        <>
          <Alert color="green" role="status">
            Your address {verified.data.email} is verified: your account is ready.
          </Alert>
          {onward}
        </>
      )}
      {verified.isError && (
        <>
          <ErrorAlert message={verified.error.message} />
          {onward}
        </>
      )}
    </PublicCard>
  );
}

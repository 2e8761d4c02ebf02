import { Alert, Anchor, Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { tessera } from '../api';
import { ApiFailure, failureOf } from '../project/rules';
import { useSession } from '../session/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PublicCard } from './PublicCard';

/**
 * /confirm-email/:token — the link mailed to a new address. It waits for a
 * click rather than confirming on load, so a mail scanner opening the link
 * changes nothing.
 */
export default function ConfirmEmailPage() {
  const { token = '' } = useParams();
  const { state, updateUser } = useSession();
  const confirm = useMutation({
    mutationFn: async () => {
      const answer = await tessera.POST('/user/confirm-email', { body: { token } });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onSuccess: (user) => {
      if (state.status === 'signed-in' && state.user.id === user.id) updateUser(user);
    },
  });
  const signedIn = state.status === 'signed-in';

  if (confirm.isSuccess) {
    return (
      <PublicCard title="Your new address is confirmed">
        <Alert color="green">Your account’s email is now {confirm.data.email}.</Alert>
        <Button component={Link} to={signedIn ? '/account' : '/sign-in'}>
          {signedIn ? 'Go to your account' : 'Sign in'}
        </Button>
      </PublicCard>
    );
  }
  const deadLink = confirm.error instanceof ApiFailure ? confirm.error.field('token') : null;
  return (
    <PublicCard title="Confirm your new email address">
      {deadLink ? (
        <Alert color="red" title="This link no longer works">
          {deadLink}
        </Alert>
      ) : (
        <ErrorAlert message={confirm.error?.message ?? null} />
      )}
      <Text size="sm">Your account takes the address this link was mailed to.</Text>
      <Button onClick={() => confirm.mutate()} loading={confirm.isPending} disabled={!!deadLink}>
        Confirm my new address
      </Button>
      <Anchor component={Link} to={signedIn ? '/account' : '/sign-in'} size="sm">
        {signedIn ? 'Back to your account' : 'Back to sign in'}
      </Anchor>
    </PublicCard>
  );
}

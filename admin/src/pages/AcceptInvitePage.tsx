import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams } from 'react-router';
import { tessera } from '../api';
import { failureOf } from '../project/rules';
import { useSession } from '../session/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { inviteClaimsOf, tokenOfLink } from './invite-token';
import { PublicCard } from './PublicCard';

/**
 * /accept-invite/:token, from an invitation mail. Signed in: accepts it and
 * opens the project. Signed out: sign in or create an account, the token
 * kept along the way.
 */
export default function AcceptInvitePage() {
  const { token = '' } = useParams();
  const { state } = useSession();
  const invite = inviteClaimsOf(token);
  if (!invite) {
    return (
      <PublicCard title="Join a project">
        <ErrorAlert message="This invitation link is not complete: open it from the mail again." />
      </PublicCard>
    );
  }
  if (state.status !== 'signed-in') {
    const here = `/accept-invite/${token}`;
    return (
      <PublicCard title={`Join ${invite.projectName}`}>
        <Text>
          You were invited to the project <strong>{invite.projectName}</strong>. Sign in to accept,
          or create an account with the address the invitation was sent to.
        </Text>
        <Group>
          <Button component={Link} to={`/sign-in?next=${encodeURIComponent(here)}`}>
            Sign in to accept
          </Button>
          <Button
            component={Link}
            variant="default"
            to={`/sign-up?inviteToken=${encodeURIComponent(token)}`}
          >
            Create an account
          </Button>
        </Group>
      </PublicCard>
    );
  }
  return <Accepting token={token} projectId={invite.projectId} name={invite.projectName} />;
}

function Accepting({ token, projectId, name }: { token: string; projectId: number; name: string }) {
  // A query, not an effect: the token works once, and React may run an effect twice.
  const accepted = useQuery({
    queryKey: ['accept-invite', token],
    queryFn: async () => {
      const answer = await tessera.PUT('/project/{projectId}/invite/accept', {
        params: { path: { projectId } },
        body: { token: tokenOfLink(token) },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  if (accepted.isSuccess) return <Navigate to={`/projects/${projectId}`} replace />;
  return (
    <PublicCard title={`Join ${name}`}>
      {accepted.isPending && (
        <Center>
          <Loader aria-label="Accepting the invitation" />
        </Center>
      )}
      {accepted.isError && (
        <>
          <ErrorAlert message={accepted.error.message} />
          <Alert color="gray">Ask the project’s admins to send you a new invitation.</Alert>
          <Button component={Link} to="/projects">
            Go to your projects
          </Button>
        </>
      )}
    </PublicCard>
  );
}

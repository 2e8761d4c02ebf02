import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { tessera } from '../api';
import { ApiFailure, failureOf } from '../project/rules';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PublicCard } from './PublicCard';

/** /set-password/:token — the mailed reset link: a new password, twice. */
export default function SetPasswordPage() {
  const { token = '' } = useParams();
  const form = useForm({
    initialValues: { password: '', repeated: '' },
    validate: {
      password: (value) => (value.length >= 8 ? null : 'At least 8 characters'),
      repeated: (value, values) => (value === values.password ? null : 'The two passwords differ'),
    },
  });
  const save = useMutation({
    mutationFn: async (password: string) => {
      const answer = await tessera.POST('/user/set-password', { body: { token, password } });
      if (!answer.ok) throw failureOf(answer);
    },
    onError: (error) => {
      if (error instanceof ApiFailure) form.setErrors({ password: error.field('password') });
    },
  });
  const deadLink = save.error instanceof ApiFailure ? save.error.field('token') : null;

  if (save.isSuccess) {
    return (
      <PublicCard title="Your password is set">
        <Alert color="green">You were signed out everywhere. Sign in with your new password.</Alert>
        <Button component={Link} to="/sign-in">
          Sign in
        </Button>
      </PublicCard>
    );
  }
  return (
    <PublicCard title="Choose a new password">
      {deadLink ? (
        <Alert color="red" title="This link no longer works">
          {deadLink}{' '}
          <Anchor component={Link} to="/forgot-password">
            Ask for a new link
          </Anchor>
        </Alert>
      ) : (
        <ErrorAlert message={save.error?.message ?? null} />
      )}
      <form onSubmit={form.onSubmit(({ password }) => save.mutate(password))} noValidate>
        <Stack>
          <PasswordInput
            label="New password"
            description="At least 8 characters"
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label="New password again"
            required
            autoComplete="new-password"
            {...form.getInputProps('repeated')}
          />
          <Button type="submit" loading={save.isPending}>
            Set password
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}

import { useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { tessera } from '../api';
import { ApiFailure, failureOf } from '../project/rules';
import { ErrorAlert } from '../ui/ErrorAlert';
import { inviteClaimsOf, tokenOfLink } from './invite-token';
import { PublicCard } from './PublicCard';

interface SignUpValues {
  name: string;
  email: string;
  password: string;
  repeated: string;
}

/**
 * /sign-up (`?inviteToken=` from an invitation's page): a new account, off
 * until the mailed link verifies its address. The answer is the same for a
 * taken address, so the page only ever says to check the inbox.
 */
export default function SignUpPage() {
  const [params] = useSearchParams();
  const inviteToken = params.get('inviteToken');
  const invite = inviteToken ? inviteClaimsOf(inviteToken) : null;
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SignUpValues>({
    initialValues: { name: '', email: '', password: '', repeated: '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter your name'),
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter your email address'),
      password: (value) => (value.length >= 8 ? null : 'At least 8 characters'),
      repeated: (value, values) => (value === values.password ? null : 'The passwords differ'),
    },
  });
  const signUp = useMutation({
    mutationFn: async (values: SignUpValues) => {
      const answer = await tessera.POST('/user/sign-up', {
        body: {
          name: values.name.trim(),
          email: values.email.trim(),
          password: values.password,
          ...(inviteToken ? { inviteToken: tokenOfLink(inviteToken) } : {}),
        },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data;
    },
    onMutate: () => setFailure(null),
    onError: (error) => {
      if (error instanceof ApiFailure && error.status === 400) {
        form.setErrors({
          name: error.field('name'),
          email: error.field('email'),
          password: error.field('password'),
        });
        if (error.field('inviteToken')) return setFailure(error.field('inviteToken'));
        if (error.field('name') || error.field('email') || error.field('password')) return;
      }
      setFailure(error.message);
    },
  });

  if (signUp.isSuccess) {
    return (
      <PublicCard title="Check your inbox">
        <Alert color="green" role="status">
          {signUp.data.message}
        </Alert>
        <Text size="sm">
          We sent a mail to {form.values.email.trim()}. Follow its link to start using the account.
        </Text>
      </PublicCard>
    );
  }
  return (
    <PublicCard title="Create your account">
      {invite && (
        <Text>
          You were invited to <strong>{invite.projectName}</strong>: use the address the invitation
          was sent to.
        </Text>
      )}
      <form onSubmit={form.onSubmit((values) => signUp.mutate(values))} noValidate>
        <Stack>
          <ErrorAlert message={failure} />
          <TextInput label="Name" autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            description="At least 8 characters"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label="Repeat the password"
            autoComplete="new-password"
            required
            {...form.getInputProps('repeated')}
          />
          <Button type="submit" loading={signUp.isPending}>
            Create account
          </Button>
          <Text size="sm">
            Have an account?{' '}
            <Anchor
              component={Link}
              to={
                inviteToken
                  ? `/sign-in?next=${encodeURIComponent(`/accept-invite/${inviteToken}`)}`
                  : '/sign-in'
              }
            >
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </PublicCard>
  );
}

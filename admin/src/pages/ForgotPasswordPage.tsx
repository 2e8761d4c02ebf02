import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { tessera } from '../api';
import { ApiFailure, failureOf } from '../project/rules';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PublicCard } from './PublicCard';

/** /forgot-password — asks for a link to choose a new password; the answer says nothing of who has an account. */
export default function ForgotPasswordPage() {
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter your email address'),
    },
  });
  const request = useMutation({
    mutationFn: async (email: string) => {
      const answer = await tessera.POST('/user/request-password-reset', {
        body: { email: email.trim() },
      });
      if (!answer.ok) throw failureOf(answer);
      return answer.data.message;
    },
    onSuccess: setSent,
    onError: (error) => {
      if (error instanceof ApiFailure) form.setErrors({ email: error.field('email') });
    },
  });
  return (
    <PublicCard title="Forgot your password?">
      {sent ? (
        <Alert color="green" title="Check your mail">
          {sent}. The link works for an hour.
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit(({ email }) => request.mutate(email))} noValidate>
          <Stack>
            <Text size="sm">
              Give the email address of your account: we will mail it a link to choose a new
              password.
            </Text>
            <ErrorAlert message={request.error?.message ?? null} />
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending}>
              Send me a link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        Back to sign in
      </Anchor>
    </PublicCard>
  );
}

import { Alert } from '@mantine/core';

/**
 * The API's refusal in words, announced to screen readers. Renders nothing
 * without a message, so a form can always place it above its fields.
 */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}

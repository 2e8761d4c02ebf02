import { useState, type ReactNode } from 'react';
import { Badge, Box, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import {
  durationInWords,
  entryTypeLimitInWords,
  formatInstant,
  GRACE_CHOICES,
  graceSecondsOf,
  hasExpired,
  MAX_GRACE_SECONDS,
  type ApiClient,
  type GraceChoice,
} from './client-keys';
import { ConfirmDialog } from './parts';
import { ApiFailure } from './rules';

/** How many scopes a card shows before “+N more”. */
const SCOPES_SHOWN = 6;

/** A fact about a key, at full text contrast; a red dot marks what stopped it. */
function KeyBadge({
  children,
  title,
  stopped = false,
}: {
  children: ReactNode;
  title?: string;
  stopped?: boolean;
}) {
  return (
    <Badge
      variant="default"
      tt="none"
      title={title}
      leftSection={
        stopped ? (
          <Box
            component="span"
            w={8}
            h={8}
            style={{
              borderRadius: '50%',
              background: 'var(--mantine-color-red-6)',
              display: 'inline-block',
            }}
            aria-hidden
          />
        ) : undefined
      }
    >
      {children}
    </Badge>
  );
}

/**
 * What a client's key allows, briefly: its scopes, the entry types it
 * reads, its expiry (or that it has expired) and its token format when not
 * the standard one.
 */
export function ClientKeySummary({
  client,
  entryTypeNames,
}: {
  client: ApiClient;
  /** The project's entry types by id; empty until they are loaded. */
  entryTypeNames: ReadonlyMap<number, string>;
}) {
  const limit = entryTypeLimitInWords(client.entryTypeIds, entryTypeNames);
  const shown = client.scopes.slice(0, SCOPES_SHOWN);
  const more = client.scopes.slice(SCOPES_SHOWN);
  return (
    <Stack gap={6}>
      <Group gap={6}>
        <Text size="sm">Scopes:</Text>
        {shown.map((scope) => (
          <KeyBadge key={scope}>{scope}</KeyBadge>
        ))}
        {more.length > 0 && <KeyBadge title={more.join(', ')}>+{more.length} more</KeyBadge>}
      </Group>
      <Group gap={6}>
        <KeyBadge title={limit.full}>{limit.short}</KeyBadge>
        {client.expiresAt &&
          (hasExpired(client) ? (
            <KeyBadge stopped title={`Expired ${formatInstant(client.expiresAt)}`}>
              Expired
            </KeyBadge>
          ) : (
            <KeyBadge>Expires {formatInstant(client.expiresAt)}</KeyBadge>
          ))}
        {client.tokenResponse === 'envelope' && <KeyBadge>Envelope tokens</KeyBadge>}
      </Group>
      {client.previousSecretExpiresAt && (
        <Text size="sm">
          The previous secret works until {formatInstant(client.previousSecretExpiresAt)}
        </Text>
      )}
    </Stack>
  );
}

/** After a rotation: whether the old secret stopped, or until when it still works. */
export function rotatedSecretInWords(client: Pick<ApiClient, 'previousSecretExpiresAt'>): string {
  return client.previousSecretExpiresAt
    ? `The old secret still works until ${formatInstant(client.previousSecretExpiresAt)}; the tokens it got live to their own expiry.`
    : 'The old secret and its tokens have stopped working.';
}

/**
 * “Rotate the secret?”, with how long the old secret keeps working: none,
 * an hour, a day, a week or a number of seconds (0 to 7 days, as the API takes).
 */
export function RotateSecretDialog({
  client,
  onRotate,
  onClose,
  pending,
  failure,
}: {
  /** The client whose secret to rotate; null when closed. */
  client: ApiClient | null;
  onRotate: (client: ApiClient, graceSeconds: number) => void;
  onClose: () => void;
  pending: boolean;
  failure: Error | null;
}) {
  const [choice, setChoice] = useState<GraceChoice>('0');
  const [typed, setTyped] = useState<number | string>('');
  // Each opening starts with no grace: the safe default after a leaked secret.
  const [openedFor, setOpenedFor] = useState(client);
  if (client !== openedFor) {
    setOpenedFor(client);
    if (client) {
      setChoice('0');
      setTyped('');
    }
  }
  const grace = graceSecondsOf(choice, typed);
  const typedProblem =
    choice === 'custom' && grace === null && String(typed).trim() !== ''
      ? `Between 0 and ${MAX_GRACE_SECONDS} seconds (7 days)`
      : null;
  const apiProblem = failure instanceof ApiFailure ? failure.field('graceSeconds') : null;
  return (
    <ConfirmDialog
      opened={client !== null}
      title={`Rotate the secret of “${client?.name ?? ''}”?`}
      confirmLabel="Rotate secret"
      onConfirm={() => client && grace !== null && onRotate(client, grace)}
      onClose={onClose}
      pending={pending}
      failure={failure?.message ?? null}
      disabled={grace === null}
    >
      <Radio.Group
        label="How long the old secret keeps working"
        value={choice}
        onChange={setChoice}
      >
        <Stack gap="xs" mt={6}>
          {GRACE_CHOICES.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </Stack>
      </Radio.Group>
      {choice === 'custom' && (
        <NumberInput
          label="Grace in seconds"
          description={`0 to ${MAX_GRACE_SECONDS} (7 days)`}
          allowDecimal={false}
          allowNegative={false}
          value={typed}
          onChange={setTyped}
          error={typedProblem ?? apiProblem}
        />
      )}
      <Text size="sm">
        {grace === null
          ? 'Type how many seconds the old secret keeps working.'
          : grace === 0
            ? 'The current secret stops working at once, and so do the tokens it got.'
            : `The current secret keeps working for ${durationInWords(grace)}, and the tokens it got live to their own expiry: time to give the new one to the apps that use this client.`}{' '}
        You will see the new secret once.
      </Text>
    </ConfirmDialog>
  );
}

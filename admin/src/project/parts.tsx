import { useState, type ReactNode } from 'react';
import { Button, Code, Group, Modal, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { readSnippets } from './rules';
import { ErrorAlert } from '../ui/ErrorAlert';

/** A button that copies `value`, saying so — or saying to copy by hand when the browser refuses. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const clipboard = useClipboard({ timeout: 2000 });
  return (
    <Stack gap={2} align="flex-end">
      <Button
        variant="default"
        size="xs"
        onClick={() => clipboard.copy(value)}
        color={clipboard.copied ? 'teal' : undefined}
        aria-label={label}
      >
        {clipboard.copied ? 'Copied' : 'Copy'}
      </Button>
      {clipboard.error && (
        <Text size="xs" c="red" role="alert">
          Copying failed: select the text and copy it yourself.
        </Text>
      )}
    </Stack>
  );
}

/** A read-only value with a copy button (a client id, a secret). */
export function CopyField({ label, value }: { label: string; value: string }) {
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        style={{ flex: 1, minWidth: 0 }}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        onFocus={(event) => event.currentTarget.select()}
      />
      <CopyButton value={value} label={`Copy the ${label.toLowerCase()}`} />
    </Group>
  );
}

/** "Read with it": how a website or a script reads this project's entries with an API client. */
export function ReadSnippets({
  projectId,
  clientId,
  tokenResponse,
}: {
  projectId: number;
  clientId: string;
  tokenResponse: 'oauth2' | 'envelope';
}) {
  const snippets = readSnippets(window.location.origin, projectId, clientId, tokenResponse);
  return (
    <Tabs defaultValue="curl">
      <Tabs.List aria-label="Read with it">
        <Tabs.Tab value="curl">curl</Tabs.Tab>
        <Tabs.Tab value="client">@tessera/client</Tabs.Tab>
      </Tabs.List>
      {(['curl', 'client'] as const).map((kind) => (
        <Tabs.Panel key={kind} value={kind} pt="xs">
          <Stack gap="xs">
            <Code block style={{ overflowX: 'auto', whiteSpace: 'pre' }}>
              {snippets[kind]}
            </Code>
            <Group justify="flex-end">
              <CopyButton
                value={snippets[kind]}
                label={kind === 'curl' ? 'Copy the curl commands' : 'Copy the TypeScript'}
              />
            </Group>
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

/**
 * A question before something that cannot be undone. `failure` is the API's
 * answer in words when the action was refused.
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  pending,
  failure,
  disabled = false,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  failure: string | null;
  disabled?: boolean;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <ErrorAlert message={failure} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm} loading={pending} disabled={disabled}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The state of a confirm dialog about one thing (a member, a client): which, and whether open. */
export function useConfirm<T>() {
  const [subject, setSubject] = useState<T | null>(null);
  return { subject, open: setSubject, close: () => setSubject(null) };
}

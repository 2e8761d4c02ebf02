import { useContext, useEffect, useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import {
  UNSAFE_DataRouterContext as DataRouterContext,
  useBlocker,
  useHref,
  useLocation,
  useNavigate,
} from 'react-router';

/**
 * Asks before unsaved changes are lost: the browser's own question when the
 * page is closed or reloaded (`beforeunload`), and a dialog of the app when a
 * link in it would leave this page. Under a data router that is its blocker
 * (which also catches the back button); under `<BrowserRouter>`, which has
 * none, it is the clicks on the app's links (the back button is not caught).
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const dataRouter = useContext(DataRouterContext);
  useEffect(() => {
    if (!when) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when a value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [when]);
  return dataRouter ? <BlockedNavigation when={when} /> : <GuardedLinks when={when} />;
}

function BlockedNavigation({ when }: { when: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && currentLocation.pathname !== nextLocation.pathname,
  );
  return (
    <LeaveDialog
      opened={blocker.state === 'blocked'}
      onStay={() => blocker.reset?.()}
      onLeave={() => blocker.proceed?.()}
    />
  );
}

function GuardedLinks({ when }: { when: boolean }) {
  const location = useLocation();
  const here = useHref({ pathname: location.pathname, search: location.search });
  const base = useHref('/').replace(/\/$/, '');
  const navigate = useNavigate();
  const [leavingTo, setLeavingTo] = useState<URL | null>(null);

  useEffect(() => {
    if (!when) return;
    // Capturing at the document runs before the router's own click handler (on React's root).
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return;
      if (anchor.target && anchor.target !== '_self') return;
      const url = new URL(anchor.href, window.location.href);
      // Outside the app: the page unloads, and `beforeunload` asks.
      if (url.origin !== window.location.origin) return;
      if (base && !`${url.pathname}/`.startsWith(`${base}/`)) return;
      if (`${url.pathname}${url.search}` === here) return;
      event.preventDefault();
      event.stopPropagation();
      setLeavingTo(url);
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [when, here, base]);

  const leave = () => {
    if (!leavingTo) return;
    setLeavingTo(null);
    const path = `${leavingTo.pathname}${leavingTo.search}${leavingTo.hash}`;
    void navigate(path.slice(base.length) || '/');
  };
  return (
    <LeaveDialog opened={leavingTo !== null} onStay={() => setLeavingTo(null)} onLeave={leave} />
  );
}

function LeaveDialog({
  opened,
  onStay,
  onLeave,
}: {
  opened: boolean;
  onStay: () => void;
  onLeave: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onStay} title="Leave without saving?">
      <Stack>
        <Text size="sm">Your changes on this page have not been saved. Leaving loses them.</Text>
        <Group justify="flex-end">
          <Button onClick={onStay} data-autofocus>
            Stay on this page
          </Button>
          <Button variant="default" onClick={onLeave}>
            Leave without saving
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

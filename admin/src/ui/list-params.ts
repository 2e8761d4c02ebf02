import type { SetURLSearchParams } from 'react-router';

/**
 * A list page's filters live in the address (so a reload or a shared link
 * shows the same page). The returned function changes some of them; any
 * change but the page's goes back to page 1 and replaces the history entry,
 * so typing a search does not fill the back button.
 */
export function listParamsUpdater<Key extends string>(
  setParams: SetURLSearchParams,
): (changes: Partial<Record<Key | 'page', string>>) => void {
  return (changes) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (!('page' in changes)) next.delete('page');
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value as string);
          else next.delete(key);
        }
        return next;
      },
      { replace: !('page' in changes) },
    );
}

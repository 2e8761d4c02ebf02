import type { ReactElement } from 'react';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Renders `ui` inside Mantine's provider, with a user-event session to type and click as a person does.
 * `env="test"`: no transitions, which never end in jsdom (a dropdown would stay `display: none`).
 */
export function renderWithMantine(ui: ReactElement) {
  const user = userEvent.setup();
  return { user, ...render(<MantineProvider env="test">{ui}</MantineProvider>) };
}

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithMantine } from '../test/render';
import { ErrorAlert } from './ErrorAlert';

describe('ErrorAlert', () => {
  it('announces the message as an alert', () => {
    renderWithMantine(<ErrorAlert message="Name is required" />);
    expect(screen.getByRole('alert').textContent).toBe('Name is required');
  });

  it('renders nothing without a message', () => {
    renderWithMantine(<ErrorAlert message={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

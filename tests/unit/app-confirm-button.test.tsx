// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmButton, type ConfirmButtonProps } from '../../src/app/ui/ConfirmButton.tsx';

afterEach(cleanup);

const props = (overrides: Partial<ConfirmButtonProps> = {}): ConfirmButtonProps => ({
  variant: 'form-end',
  label: 'Verwijderen',
  questionId: 'q',
  question: 'Weet je het zeker?',
  yes: 'Ja, verwijderen',
  no: 'Nee, bewaren',
  focus: 'yes',
  onConfirm: vi.fn(),
  ...overrides,
});

describe('a dangerous action asked twice', () => {
  it('asks in place of its button, with focus on the answer it names, and answers no by going back', async () => {
    const onConfirm = vi.fn();
    render(<ConfirmButton {...props({ focus: 'no', onConfirm })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Verwijderen' }));
    expect(screen.getByRole('group', { name: 'Weet je het zeker?' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Nee, bewaren' })));
    fireEvent.click(screen.getByRole('button', { name: 'Nee, bewaren' }));
    expect(screen.getByRole('button', { name: 'Verwijderen' })).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('does it on yes, and goes back only when told to', async () => {
    const onConfirm = vi.fn((close: () => void) => close());
    render(<ConfirmButton {...props({ onConfirm, ariaLabel: 'Telefoon van Anna verwijderen' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Telefoon van Anna verwijderen' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ja, verwijderen' })));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, verwijderen' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Telefoon van Anna verwijderen' })).toBeTruthy();
  });

  it('while busy says so and does nothing on yes', () => {
    const onConfirm = vi.fn();
    render(<ConfirmButton {...props({ onConfirm, isBusy: true, busyLabel: 'Bezig…', before: <p>Er is nog iets niet verstuurd.</p> })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Verwijderen' }));
    expect(screen.getByText('Er is nog iets niet verstuurd.')).toBeTruthy();
    const yes = screen.getByRole('button', { name: 'Bezig…' });
    expect(yes.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(yes);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('looks the part where it stands: in a list small, at the end of a form with large answers in a row', () => {
    render(<ConfirmButton {...props({ variant: 'in-list', questionId: 'q-list' })} />);
    const small = screen.getByRole('button', { name: 'Verwijderen' });
    expect(small.className).toBe('button button-danger-outline button-small');
    fireEvent.click(small);
    expect(screen.getByRole('group', { name: 'Weet je het zeker?' }).className).toBe('confirm');
    cleanup();

    render(<ConfirmButton {...props({ variant: 'form-end' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Verwijderen' }));
    const yes = screen.getByRole('button', { name: 'Ja, verwijderen' });
    expect(yes.className).toBe('button button-danger button-large');
    expect(yes.parentElement?.className).toBe('form-actions');
  });
});

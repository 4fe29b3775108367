// @vitest-environment happy-dom
/**
 * The side panel page's early box: typing works before the panel's code has loaded, and the panel takes
 * over what was typed — text, caret, focus — without losing a keystroke or logging pasted text.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_BOX_ID, startEarlyBox } from '../../components/panel/early-box';
import { mountPanel } from '../../components/panel/mount';
import { fakeApi, STATE } from './panel-fixtures';

/** sidepanel.html as shipped: the early box before the app's root. */
function page(): HTMLElement {
  document.body.innerHTML = `<div id="coach-early"><input id="${EARLY_BOX_ID}" type="search" /></div><div id="app"></div>`;
  return document.getElementById('app') as HTMLElement;
}
const earlyBox = () => document.getElementById(EARLY_BOX_ID) as HTMLInputElement;

/** Typing as a browser does it: the value changes, then an `input` event says how. */
function typeInto(box: HTMLInputElement, value: string, inputType = 'insertText') {
  box.value = value;
  box.dispatchEvent(new InputEvent('input', { inputType, bubbles: true }));
}

beforeEach(() => performance.clearMarks());
afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('side panel early box', () => {
  it('has focus and marks the page interactive before the panel loads, once', async () => {
    const root = page();
    startEarlyBox();
    expect(document.activeElement).toBe(earlyBox());
    expect(performance.getEntriesByName('coach:interactive')).toHaveLength(1);
    const { api } = fakeApi({ loadState: vi.fn(async () => STATE) });
    await mountPanel(root, api, '');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('combobox')));
    expect(performance.getEntriesByName('coach:interactive')).toHaveLength(1);
  });

  it('hands what was typed, with the caret, to the panel, which searches it and removes the early box', async () => {
    const root = page();
    startEarlyBox();
    typeInto(earlyBox(), '退款');
    earlyBox().setSelectionRange(1, 1);
    const { api } = fakeApi({ loadState: vi.fn(async () => STATE) });
    await mountPanel(root, api, '');
    const box = screen.getByRole('combobox') as HTMLInputElement;
    expect(box.value).toBe('退款');
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([1, 1]);
    expect(document.getElementById('coach-early')).toBeNull();
    await waitFor(() => expect(screen.getAllByRole('option')[0]?.textContent).toContain('退款到账时间答复'));
  });

  it('keeps typed text that finds nothing in the no-result log, and pasted text out of it', async () => {
    for (const [inputType, logged] of [
      ['insertText', true],
      ['insertFromPaste', false],
    ] as const) {
      const root = page();
      startEarlyBox();
      typeInto(earlyBox(), 'qxzjvqxzjv', inputType);
      const recordNoResult = vi.fn(async () => undefined);
      const { api } = fakeApi({ loadState: vi.fn(async () => STATE), recordNoResult });
      await mountPanel(root, api, '');
      await screen.findByText(/没有找到“qxzjvqxzjv”/);
      if (logged) {
        // Recorded once the agent stops typing (a 1.5 s pause).
        await waitFor(() => expect(recordNoResult).toHaveBeenCalledWith('qxzjvqxzjv'), { timeout: 10_000 });
      } else {
        // Typing on after a paste keeps the query unlogged, as in the panel's own box.
        fireEvent.input(screen.getByRole('combobox'), { target: { value: 'qxzjvqxzjvq' } });
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        expect(recordNoResult).not.toHaveBeenCalled();
      }
      cleanup();
    }
  });
});

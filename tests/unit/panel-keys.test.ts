import { describe, expect, it } from 'vitest';
import { isImeComposing } from '../../utils/ime';
import { panelKeyAction } from '../../utils/panel/keys';
import { requestFromUrl } from '../../utils/panel/request';

describe('panel keys', () => {
  it('maps the keyboard: arrows move, Enter copies, Ctrl/Cmd+Enter inserts, Esc, Alt+digit picks a phrasing', () => {
    expect(panelKeyAction({ key: 'ArrowDown' })).toEqual({ type: 'move', by: 1 });
    expect(panelKeyAction({ key: 'ArrowUp' })).toEqual({ type: 'move', by: -1 });
    expect(panelKeyAction({ key: 'Enter' })).toEqual({ type: 'copy' });
    expect(panelKeyAction({ key: 'Enter', ctrlKey: true })).toEqual({ type: 'insert' });
    expect(panelKeyAction({ key: 'Enter', metaKey: true })).toEqual({ type: 'insert' });
    expect(panelKeyAction({ key: 'Escape' })).toEqual({ type: 'escape' });
    expect(panelKeyAction({ key: '3', code: 'Digit3', altKey: true })).toEqual({ type: 'phrasing', index: 2 });
    // macOS Option+1 produces "¡": the physical key still says Digit1.
    expect(panelKeyAction({ key: '¡', code: 'Digit1', altKey: true })).toEqual({ type: 'phrasing', index: 0 });
    expect(panelKeyAction({ key: 'a' })).toBeNull();
    expect(panelKeyAction({ key: '0', code: 'Digit0', altKey: true })).toBeNull();
  });

  it('does nothing while an input method composes', () => {
    expect(isImeComposing({ isComposing: true })).toBe(true);
    expect(isImeComposing({ keyCode: 229 })).toBe(true);
    expect(panelKeyAction({ key: 'Enter', isComposing: true })).toBeNull();
    expect(panelKeyAction({ key: 'Enter', keyCode: 229 })).toBeNull();
    expect(panelKeyAction({ key: 'Escape', isComposing: true })).toBeNull();
    expect(panelKeyAction({ key: '1', code: 'Digit1', altKey: true, keyCode: 229 })).toBeNull();
  });

  it('reads ?q= and ?open= from the page address', () => {
    expect(requestFromUrl('?q=%E9%80%80%E6%AC%BE')).toEqual({ type: 'search', query: '退款' });
    expect(requestFromUrl('?open=exam-01&q=x')).toEqual({ type: 'open', id: 'exam-01' });
    expect(requestFromUrl('?q=%20%20')).toBeNull();
    expect(requestFromUrl('')).toBeNull();
  });
});

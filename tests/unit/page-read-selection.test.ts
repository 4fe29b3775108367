// @vitest-environment happy-dom
/**
 * 「用坐席教练搜索」 (Alt+Shift+S) reads the page's selection. A selection inside a password field, a card
 * number or a one-time code must never leave the page: it would become a query, and queries can be stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readPageSelection } from '../../utils/page/read-selection';

afterEach(() => {
  document.body.innerHTML = '';
});

function focusedField(html: string, value: string): HTMLInputElement | HTMLTextAreaElement {
  document.body.innerHTML = html;
  const field = document.body.firstElementChild as HTMLInputElement | HTMLTextAreaElement;
  field.value = value;
  field.focus();
  field.setSelectionRange(0, value.length);
  return field;
}

describe('readPageSelection', () => {
  it('reads the selection of an ordinary text field and of the page', () => {
    focusedField('<textarea></textarea>', '退款多久到账');
    expect(readPageSelection()).toBe('退款多久到账');
    focusedField('<input type="text">', '保单丢失');
    expect(readPageSelection()).toBe('保单丢失');
  });

  it.each([
    ['a password field', '<input type="password">'],
    ['a PASSWORD field (any case)', '<input type="PASSWORD">'],
    ['a field for the current password', '<input type="text" autocomplete="current-password">'],
    ['a field for a new password', '<input autocomplete="section-login new-password">'],
    ['a card number', '<input autocomplete="cc-number">'],
    ['a card security code', '<input autocomplete="billing cc-csc">'],
    ['a one-time code', '<input inputmode="numeric" autocomplete="one-time-code">'],
  ])('returns nothing from %s', (_name, html) => {
    focusedField(html, 'S3cret-6222021234567890');
    expect(readPageSelection()).toBe('');
  });

  it('returns nothing from a password field inside an open shadow root', () => {
    document.body.innerHTML = '<login-box></login-box>';
    const host = document.body.firstElementChild as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<input type="password">';
    const field = root.firstElementChild as HTMLInputElement;
    field.value = 'S3cret';
    field.focus();
    field.setSelectionRange(0, 6);
    expect(readPageSelection()).toBe('');
  });
});

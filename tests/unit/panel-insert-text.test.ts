// @vitest-environment happy-dom
/**
 * The insertion function's choices (which element, never replacing a selection, the fallback when
 * execCommand is unavailable, the order of offers and "never inserted twice"). The real editors are covered
 * in Chromium and Firefox by the editor matrix (tests/e2e/editors/).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertTextAtCursor } from '../../utils/page/insert-text';
import { readPageSelection } from '../../utils/page/read-selection';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function noExecCommand() {
  // happy-dom, like some embedded browsers, has no working insertText command: the fallback must run.
  (document as unknown as { execCommand: () => boolean }).execCommand = () => false;
}

describe('insertTextAtCursor', async () => {
  it('inserts at the caret of a focused textarea and fires input', async () => {
    noExecCommand();
    document.body.innerHTML = '<textarea>您好，祝好</textarea>';
    const area = document.querySelector('textarea') as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(3, 3);
    const seen: string[] = [];
    area.addEventListener('input', (e) => seen.push((e as InputEvent).inputType));
    expect(await insertTextAtCursor('我理解')).toMatchObject({ ok: true, target: 'textarea', method: 'fallback' });
    expect(area.value).toBe('您好，我理解祝好');
    expect(seen).toEqual(['insertText']);
  });

  it('never replaces selected text: inserts after it', async () => {
    noExecCommand();
    document.body.innerHTML = '<input type="text" value="abcdef">';
    const input = document.querySelector('input') as HTMLInputElement;
    input.focus();
    input.setSelectionRange(1, 4);
    await insertTextAtCursor('X');
    expect(input.value).toBe('abcdXef');
  });

  it('refuses read-only fields and non-text inputs, and reports when nothing is focused', async () => {
    document.body.innerHTML = '<textarea readonly>x</textarea><input type="checkbox">';
    (document.querySelector('textarea') as HTMLElement).focus();
    expect(await insertTextAtCursor('y')).toEqual({ ok: false, reason: 'read-only' });
    (document.querySelector('input') as HTMLElement).focus();
    expect(await insertTextAtCursor('y')).toEqual({ ok: false, reason: 'no-editable' });
    (document.activeElement as HTMLElement).blur();
    expect(await insertTextAtCursor('y')).toEqual({ ok: false, reason: 'no-editable' });
  });

  it('uses execCommand when the browser supports it', async () => {
    document.body.innerHTML = '<textarea>ab</textarea>';
    const area = document.querySelector('textarea') as HTMLTextAreaElement;
    area.focus();
    const exec = vi.fn(() => true);
    (document as unknown as { execCommand: typeof exec }).execCommand = exec;
    expect(await insertTextAtCursor('Z')).toMatchObject({ ok: true, method: 'execCommand' });
    expect(exec).toHaveBeenCalledWith('insertText', false, 'Z');
  });

  it('reports an editor that swallowed the text instead of claiming success', async () => {
    document.body.innerHTML = '<div contenteditable="true">您好</div>';
    const host = document.querySelector('div') as HTMLElement;
    host.focus();
    // An editor that cancels the edit: execCommand reports success but nothing reaches the document.
    (document as unknown as { execCommand: () => boolean }).execCommand = () => true;
    expect(await insertTextAtCursor('感谢')).toEqual({ ok: false, reason: 'rejected' });
    (document as unknown as { execCommand: () => boolean }).execCommand = () => {
      host.append('感谢');
      return true;
    };
    expect(await insertTextAtCursor('感谢')).toMatchObject({ ok: true, target: 'contenteditable' });
  });

  it('lets an editor that handles beforeinput insert the text itself, without a second native insert', async () => {
    document.body.innerHTML = '<div contenteditable="true">您好</div>';
    const host = document.querySelector('div') as HTMLElement;
    host.focus();
    host.addEventListener('beforeinput', (e) => {
      e.preventDefault();
      host.textContent += (e as InputEvent).data ?? '';
    });
    const exec = vi.fn(() => true);
    (document as unknown as { execCommand: typeof exec }).execCommand = exec;
    expect(await insertTextAtCursor('感谢')).toMatchObject({ ok: true, method: 'beforeinput' });
    expect(host.textContent).toBe('您好感谢');
    expect(exec).not.toHaveBeenCalled();
  });

  it('gives the text to an editor that takes a plain-text paste (its model, one undo step); nothing else runs', async () => {
    document.body.innerHTML = '<div contenteditable="true">您好</div>';
    const host = document.querySelector('div') as HTMLElement;
    host.focus();
    const offered: string[] = [];
    host.addEventListener('paste', (e) => {
      const data = (e as ClipboardEvent).clipboardData;
      offered.push(`paste:${data?.types.join(',')}`);
      e.preventDefault();
      host.textContent += data?.getData('text/plain') ?? '';
    });
    host.addEventListener('beforeinput', () => offered.push('beforeinput'));
    const exec = vi.fn(() => true);
    (document as unknown as { execCommand: typeof exec }).execCommand = exec;
    expect(await insertTextAtCursor('感谢')).toMatchObject({ ok: true, target: 'contenteditable', method: 'paste' });
    expect(host.textContent).toBe('您好感谢');
    expect(offered).toEqual(['paste:text/plain']);
    expect(exec).not.toHaveBeenCalled();
  });

  it('never inserts twice: an editor that takes the offered beforeinput without cancelling and applies it a task later gets no native insert', async () => {
    document.body.innerHTML = '<div contenteditable="true">您好</div>';
    const host = document.querySelector('div') as HTMLElement;
    host.focus();
    // No default action follows a synthetic event, so this editor inserts the data itself — later.
    host.addEventListener('beforeinput', (e) => {
      const data = (e as InputEvent).data ?? '';
      setTimeout(() => host.append(data), 0);
    });
    const exec = vi.fn(() => {
      host.append('感谢');
      return true;
    });
    (document as unknown as { execCommand: typeof exec }).execCommand = exec;
    expect(await insertTextAtCursor('感谢')).toMatchObject({ ok: true, method: 'beforeinput' });
    expect(host.textContent).toBe('您好感谢');
    expect(exec).not.toHaveBeenCalled();
  });

  it('never inserts twice: an editor that changes its DOM while the beforeinput is dispatched gets no native insert', async () => {
    document.body.innerHTML = '<div contenteditable="true">您好</div>';
    const host = document.querySelector('div') as HTMLElement;
    host.focus();
    host.addEventListener('beforeinput', (e) => host.append((e as InputEvent).data ?? ''));
    const exec = vi.fn(() => true);
    (document as unknown as { execCommand: typeof exec }).execCommand = exec;
    expect(await insertTextAtCursor('感谢')).toMatchObject({ ok: true, method: 'beforeinput' });
    expect(host.textContent).toBe('您好感谢');
    expect(exec).not.toHaveBeenCalled();
  });

  it('inserts natively, once, after offers nobody took (an editor reading the data expects exactly that)', async () => {
    document.body.innerHTML = '<div contenteditable="true">您好</div>';
    const host = document.querySelector('div') as HTMLElement;
    host.focus();
    let model = '您好';
    host.addEventListener('beforeinput', (e) => {
      model += (e as InputEvent).data ?? '';
    });
    const exec = vi.fn(() => {
      host.append('感谢');
      return true;
    });
    (document as unknown as { execCommand: typeof exec }).execCommand = exec;
    expect(await insertTextAtCursor('感谢')).toMatchObject({ ok: true, method: 'execCommand' });
    expect(exec).toHaveBeenCalledTimes(1);
    expect(host.textContent).toBe('您好感谢');
    expect(model).toBe('您好感谢');
  });

  it('an editor that cancels the paste but shows nothing is reported, and no other insert follows', async () => {
    document.body.innerHTML = '<div contenteditable="true">您好</div>';
    const host = document.querySelector('div') as HTMLElement;
    host.focus();
    host.addEventListener('paste', (e) => e.preventDefault());
    const exec = vi.fn(() => true);
    (document as unknown as { execCommand: typeof exec }).execCommand = exec;
    expect(await insertTextAtCursor('感谢')).toEqual({ ok: false, reason: 'rejected' });
    expect(exec).not.toHaveBeenCalled();
    expect(host.textContent).toBe('您好');
  });

  it('reads a selection inside a text field', async () => {
    document.body.innerHTML = '<textarea>客户要求退款</textarea>';
    const area = document.querySelector('textarea') as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(4, 6);
    expect(readPageSelection()).toBe('退款');
  });
});

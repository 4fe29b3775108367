/**
 * True while an input method is composing (e.g. typing pinyin before choosing 汉字): keys then belong to the
 * IME, so Enter must not copy and Esc must not close. Chrome reports keyCode 229 for such keydowns, and some
 * IMEs send the final keydown after compositionend with isComposing already false, hence both checks.
 */
export function isImeComposing(event: { isComposing?: boolean; keyCode?: number }): boolean {
  return event.isComposing === true || event.keyCode === 229;
}

/** Baseline: a plain contenteditable with formatting (the DOM is its model; the browser's undo stack). */
import { expose, INITIAL_REPLY } from './harness';

const host = document.createElement('div');
host.contentEditable = 'true';
host.className = 'plain-rich';
// "您好，" + bold "祝您" + "生活愉快。": formatting around the caret must survive.
host.innerHTML = `<p>${INITIAL_REPLY.slice(0, 3)}<b>${INITIAL_REPLY.slice(3, 5)}</b>${INITIAL_REPLY.slice(5)}</p>`;
document.getElementById('editor')?.append(host);

function pointAt(offset: number): [Node, number] {
  const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  let rest = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (rest <= node.length) return [node, rest];
    rest -= node.length;
    last = node;
  }
  return last ? [last, last.length] : [host, 0];
}
const select = (from: number, to: number) => {
  host.focus();
  const range = document.createRange();
  range.setStart(...pointAt(from));
  range.setEnd(...pointAt(to));
  getSelection()?.removeAllRanges();
  getSelection()?.addRange(range);
};
expose({
  name: 'contenteditable',
  text: () => host.textContent ?? '',
  caret: (offset) => select(offset, offset),
  select,
});

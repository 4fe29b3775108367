/** Lexical with the rich-text plugin and history (the setup of Lexical's own playground, without React). */
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerRichText } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  createEditor,
  type LexicalNode,
} from 'lexical';
import { expose, INITIAL_REPLY } from './harness';

const root = document.createElement('div');
root.contentEditable = 'true';
root.className = 'lexical-root';
document.getElementById('editor')?.append(root);

const editor = createEditor({
  namespace: 'ticket-reply',
  onError: (error) => {
    throw error;
  },
});
editor.setRootElement(root);
registerRichText(editor);
editor.update(
  () => {
    const paragraph = $createParagraphNode();
    paragraph.append($createTextNode(INITIAL_REPLY));
    $getRoot().clear().append(paragraph);
  },
  { discrete: true },
);
// History starts after the initial content, so undo never empties the reply.
registerHistory(editor, createEmptyHistoryState(), 300);

/** The text node and offset at `offset` characters into the first paragraph. */
function pointAt(offset: number): [LexicalNode, number] {
  const paragraph = $getRoot().getFirstChild();
  if (!$isElementNode(paragraph)) throw new Error('lexical page: no first paragraph');
  let rest = offset;
  const texts = paragraph.getChildren().filter($isTextNode);
  for (const text of texts) {
    if (rest <= text.getTextContentSize()) return [text, rest];
    rest -= text.getTextContentSize();
  }
  const last = texts.at(-1);
  if (!last) throw new Error('lexical page: the first paragraph has no text');
  return [last, last.getTextContentSize()];
}

const select = (from: number, to: number) => {
  editor.update(
    () => {
      const [a, ao] = pointAt(from);
      const [b, bo] = pointAt(to);
      const selection = a.selectStart();
      selection.anchor.set(a.getKey(), ao, 'text');
      selection.focus.set(b.getKey(), bo, 'text');
    },
    { discrete: true },
  );
  editor.focus();
};
expose({
  name: 'lexical',
  // Lexical joins blocks with a blank line; the matrix compares single paragraphs, so one "\n" is enough.
  text: () => editor.getEditorState().read(() => $getRoot().getTextContent().replace(/\n\n/g, '\n')),
  caret: (offset) => select(offset, offset),
  select,
});

/** Tiptap 3 (on ProseMirror) with StarterKit, which brings undo/redo. */
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { expose, INITIAL_REPLY } from './harness';

const editor = new Editor({
  element: document.getElementById('editor') as HTMLElement,
  extensions: [StarterKit],
  content: `<p>${INITIAL_REPLY}</p>`,
});

const select = (from: number, to: number) => {
  editor
    .chain()
    .setTextSelection({ from: 1 + from, to: 1 + to })
    .focus()
    .run();
};
expose({
  name: 'tiptap',
  text: () => editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n'),
  caret: (offset) => select(offset, offset),
  select,
});

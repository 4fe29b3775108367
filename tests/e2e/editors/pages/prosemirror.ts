/** ProseMirror with its basic schema, history and base keymap (as a ticket composer would set it up). */
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { DOMParser } from 'prosemirror-model';
import { schema } from 'prosemirror-schema-basic';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { expose, INITIAL_REPLY } from './harness';

const mount = document.getElementById('editor') as HTMLElement;
const seed = document.createElement('div');
seed.innerHTML = `<p>${INITIAL_REPLY}</p>`;
const view = new EditorView(mount, {
  state: EditorState.create({
    doc: DOMParser.fromSchema(schema).parse(seed),
    plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }), keymap(baseKeymap)],
  }),
});

// Position inside the first paragraph: 1 is its start.
const select = (from: number, to: number) => {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1 + from, 1 + to)));
  view.focus();
};
expose({
  name: 'prosemirror',
  text: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n'),
  caret: (offset) => select(offset, offset),
  select,
});

/** Draft.js 0.11 with React 18 (legacy root: Draft predates concurrent rendering). */
import { ContentState, Editor, EditorState, SelectionState } from 'draft-js';
import 'draft-js/dist/Draft.css';
import { createElement, useEffect, useRef, useState } from 'react';
import { render } from 'react-dom';
import { expose, INITIAL_REPLY } from './harness';

let current = EditorState.createWithContent(ContentState.createFromText(INITIAL_REPLY));
let update: (next: EditorState) => void = () => {
  throw new Error('draft.js page: not mounted yet');
};

function Reply() {
  const [state, setState] = useState(current);
  const ref = useRef<Editor>(null);
  current = state;
  useEffect(() => {
    update = (next) => {
      current = next;
      setState(next);
      ref.current?.focus();
    };
  }, []);
  return createElement(Editor, { ref, editorState: state, onChange: setState });
}
render(createElement(Reply), document.getElementById('editor'));

const select = (from: number, to: number) => {
  const key = current.getCurrentContent().getFirstBlock().getKey();
  const selection = SelectionState.createEmpty(key).merge({ anchorOffset: from, focusOffset: to });
  update(EditorState.forceSelection(current, selection));
};
expose({
  name: 'draftjs',
  text: () => current.getCurrentContent().getPlainText('\n'),
  caret: (offset) => select(offset, offset),
  select,
});

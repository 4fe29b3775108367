/** Slate with slate-react (React 18) and slate-history. */
import { type ComponentProps, createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, type Descendant, Node, Transforms } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, ReactEditor, Slate, withReact } from 'slate-react';
import { expose, INITIAL_REPLY } from './harness';

const editor = withHistory(withReact(createEditor()));
const initialValue = [{ type: 'paragraph', children: [{ text: INITIAL_REPLY }] }] as unknown as Descendant[];

function Reply() {
  const [value] = useState(initialValue);
  // The editable goes as createElement's third argument (the props type also lists `children`).
  const { children: _none, ...props }: ComponentProps<typeof Slate> = { editor, initialValue: value, children: null };
  return createElement(
    Slate,
    props as ComponentProps<typeof Slate>,
    createElement(Editable, { className: 'slate-root' }),
  );
}
createRoot(document.getElementById('editor') as HTMLElement).render(createElement(Reply));

const select = (from: number, to: number) => {
  ReactEditor.focus(editor);
  Transforms.select(editor, { anchor: { path: [0, 0], offset: from }, focus: { path: [0, 0], offset: to } });
};
expose({
  name: 'slate',
  text: () => editor.children.map((node) => Node.string(node)).join('\n'),
  caret: (offset) => select(offset, offset),
  select,
});

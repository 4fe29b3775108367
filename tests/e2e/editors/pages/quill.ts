/** Quill 2 (snow theme) with its history module. */
import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { expose, INITIAL_REPLY } from './harness';

const quill = new Quill(document.getElementById('editor') as HTMLElement, {
  theme: 'snow',
  modules: { history: { delay: 1000, maxStack: 100, userOnly: true } },
});
quill.setText(`${INITIAL_REPLY}\n`, 'api');
quill.history.clear();

expose({
  name: 'quill',
  // Quill's document always ends with a newline of its own.
  text: () => quill.getText().replace(/\n$/, ''),
  caret: (offset) => {
    quill.focus();
    quill.setSelection(offset, 0, 'api');
  },
  select: (from, to) => {
    quill.focus();
    quill.setSelection(from, to - from, 'api');
  },
});

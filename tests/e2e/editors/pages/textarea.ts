/** Baseline: a plain <textarea> (the browser's own undo stack). */
import { expose, INITIAL_REPLY } from './harness';

const area = document.createElement('textarea');
area.id = 'reply';
area.rows = 4;
area.value = INITIAL_REPLY;
document.getElementById('editor')?.append(area);

expose({
  name: 'textarea',
  text: () => area.value,
  caret(offset) {
    area.focus();
    area.setSelectionRange(offset, offset);
  },
  select(from, to) {
    area.focus();
    area.setSelectionRange(from, to);
  },
});

/**
 * TinyMCE 8 in its classic (iframe) mode, bundled with its theme, model and icons so nothing loads from a
 * CDN; GPL licence key. Its undo manager is the model the matrix checks Ctrl+Z against.
 */
import tinymce from 'tinymce';
import 'tinymce/icons/default';
import 'tinymce/models/dom';
import 'tinymce/themes/silver';
import 'tinymce/skins/ui/oxide/skin.min.css';
import { expose, INITIAL_REPLY } from './harness';

const area = document.createElement('textarea');
area.value = `<p>${INITIAL_REPLY}</p>`;
document.getElementById('editor')?.append(area);

const [started] = await tinymce.init({
  target: area,
  license_key: 'gpl',
  skin: false,
  content_css: false,
  content_style: 'body { font-family: sans-serif; }',
  menubar: false,
  toolbar: 'undo redo bold',
  height: 200,
  promotion: false,
  branding: false,
});
if (!started) throw new Error('tinymce page: the editor did not start');
const editor = started;

/** The text node and offset at `offset` characters into the first paragraph. */
function pointAt(offset: number): [Node, number] {
  const paragraph = editor.getBody().querySelector('p');
  if (!paragraph) throw new Error('tinymce page: no first paragraph');
  const walker = editor.getDoc().createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let rest = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (rest <= node.length) return [node, rest];
    rest -= node.length;
    last = node;
  }
  if (!last) return [paragraph, 0];
  return [last, last.length];
}

expose({
  name: 'tinymce',
  text: () => editor.getContent({ format: 'text' }),
  caret(offset) {
    editor.focus();
    const [node, at] = pointAt(offset);
    editor.selection.setCursorLocation(node, at);
  },
  select(from, to) {
    editor.focus();
    const range = editor.dom.createRng();
    range.setStart(...pointAt(from));
    range.setEnd(...pointAt(to));
    editor.selection.setRng(range);
  },
});

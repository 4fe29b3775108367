/** CKEditor 5 classic editor with the essentials (typing, clipboard, undo) and paragraphs, GPL licence key. */
import { Bold, ClassicEditor, Essentials, Paragraph } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import { expose, INITIAL_REPLY } from './harness';

const mount = document.getElementById('editor') as HTMLElement;
const editor = await ClassicEditor.create(mount, {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold],
  toolbar: ['bold', 'undo', 'redo'],
  initialData: `<p>${INITIAL_REPLY}</p>`,
});

const firstParagraph = () => {
  const paragraph = editor.model.document.getRoot()?.getChild(0);
  if (!paragraph?.is('element')) throw new Error('ckeditor5 page: no first paragraph');
  return paragraph;
};
const select = (from: number, to: number) => {
  editor.model.change((writer) => {
    const paragraph = firstParagraph();
    writer.setSelection(
      writer.createRange(writer.createPositionAt(paragraph, from), writer.createPositionAt(paragraph, to)),
    );
  });
  editor.editing.view.focus();
};
expose({
  name: 'ckeditor5',
  text: () => {
    const root = editor.model.document.getRoot();
    if (!root) return '';
    return Array.from(root.getChildren())
      .map((block) =>
        block.is('element')
          ? Array.from(block.getChildren())
              .map((node) => (node.is('$text') ? node.data : ''))
              .join('')
          : '',
      )
      .join('\n');
  },
  caret: (offset) => select(offset, offset),
  select,
});

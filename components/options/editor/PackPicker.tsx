/** The editor with no pack open: choose one of the team's imported packs, or start a new one by name. */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { Translate } from '../../../utils/i18n';
import type { StoredPack } from '../../../utils/packs/library';
import type { EditorKey } from './messages';

interface Props {
  t: Translate<EditorKey>;
  /** What happened last (a pack closed, saved …). */
  notice: { text: string; tone: 'ok' | 'error' } | null;
  /** Takes the focus when a pack closes: reading goes on here. */
  sectionRef: Ref<HTMLElement>;
  /** The packs that can be edited (imported ones: built-in and managed packs cannot). */
  editable: readonly StoredPack[];
  onOpen(packId: string): void;
  onCreate(name: string): void;
}

export function PackPicker({ t, notice, sectionRef, editable, onOpen, onCreate }: Props) {
  const [choice, setChoice] = useState('');
  const [newName, setNewName] = useState('');
  return (
    <section ref={sectionRef} tabIndex={-1} aria-labelledby="editor-heading">
      <h2 id="editor-heading">{t('heading')}</h2>
      <p class="section-help">{t('help')}</p>
      {notice && (
        <p role="status" class={`notice notice--${notice.tone}`}>
          {notice.text}
        </p>
      )}
      {editable.length === 0 ? (
        <p>{t('noPacks')}</p>
      ) : (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) onOpen(choice);
          }}
        >
          <label for="editor-pack">{t('choosePack')}</label>
          <select id="editor-pack" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <option value="">{t('choosePlaceholder')}</option>
            {editable.map((p) => (
              <option key={p.pack.id} value={p.pack.id}>
                {p.pack.name}（{p.pack.id}）
              </option>
            ))}
          </select>
          <button type="submit" class="button" disabled={!choice}>
            {t('open')}
          </button>
        </form>
      )}
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const name = newName.trim();
          if (!name) return;
          onCreate(name);
          setNewName('');
        }}
      >
        <label for="editor-new">{t('newPackName')}</label>
        <input id="editor-new" value={newName} onInput={(e) => setNewName(e.currentTarget.value)} />
        <button type="submit" class="button-quiet" disabled={!newName.trim()}>
          {t('newPack')}
        </button>
      </form>
    </section>
  );
}

/**
 * The form for a phrasing of the agent's own: title, text (with `{占位符}`), tags and an optional link to a
 * guideline. Keyboard-first: the title has focus when it opens, Ctrl+Enter (⌘+Enter) saves from any field
 * and Enter from a one-line field, Esc cancels. Problems are shown at their fields once a save was tried,
 * and follow what is typed from then on.
 */
import type { JSX } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import { isImeComposing } from '../../utils/ime';
import { type DraftField, type DraftProblem, draftProblems, type PhrasingDraft } from '../../utils/personal/phrasings';
import type { PersonalKey } from './personal-messages';

interface Props {
  t: Translate<PersonalKey>;
  editing: boolean;
  initial: PhrasingDraft;
  /** Guidelines the phrasing may link to. */
  guidelines: readonly { id: string; title: string }[];
  /** Problems the save itself reported (the same checks, on the stored data). */
  problems: readonly DraftProblem[];
  onSave(draft: PhrasingDraft): void;
  onCancel(): void;
}

const FIELD_LABEL: Record<DraftField, PersonalKey> = {
  title: 'fieldTitle',
  text: 'fieldText',
  tags: 'fieldTags',
  guidelineId: 'fieldLink',
};

const MAX_SUGGESTIONS = 8;

export function PhrasingForm({ t, editing, initial, guidelines, problems: reported, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  // The link field shows the guideline's title; the draft holds its id.
  const [linkText, setLinkText] = useState(
    () => guidelines.find((g) => g.id === initial.guidelineId)?.title ?? initial.guidelineId,
  );
  const [tried, setTried] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    first.current?.focus();
    first.current?.select();
  }, []);

  const ids = useMemo(() => new Set(guidelines.map((g) => g.id)), [guidelines]);
  const linked = guidelines.find((g) => g.id === draft.guidelineId);
  const suggestions = useMemo(() => {
    const typed = linkText.trim();
    if (!typed || linked) return [];
    return guidelines.filter((g) => g.title.includes(typed) || g.id.includes(typed)).slice(0, MAX_SUGGESTIONS);
  }, [guidelines, linkText, linked]);
  const problems = tried ? draftProblems(draft, ids) : reported;
  const problemOf = (field: DraftField) => problems.find((p) => p.field === field);
  const message = (p: DraftProblem) => {
    const field = t(FIELD_LABEL[p.field]);
    if (p.code === 'required') return t('required', { field });
    if (p.code === 'tooMany') return t('tooMany', { limit: p.limit });
    if (p.code === 'tooLong') return t('tooLong', { field, limit: p.limit });
    return t('unknownGuideline');
  };

  const setLink = (typed: string) => {
    setLinkText(typed);
    const exact = guidelines.find((g) => g.title === typed.trim() || g.id === typed.trim());
    setDraft({ ...draft, guidelineId: exact ? exact.id : typed.trim() });
  };
  const submit = () => {
    setTried(true);
    if (draftProblems(draft, ids).length === 0) onSave(draft);
  };

  const field = (name: DraftField, label: PersonalKey, help: PersonalKey | undefined, control: JSX.Element) => {
    const problem = problemOf(name);
    return (
      <div class="coach-form-field">
        <label for={`coach-pf-${name}`}>{t(label)}</label>
        {control}
        {help && (
          <p id={`coach-pf-${name}-help`} class="coach-muted">
            {t(help)}
          </p>
        )}
        {problem && (
          <p id={`coach-pf-${name}-error`} class="coach-form-error">
            {message(problem)}
          </p>
        )}
      </div>
    );
  };
  const described = (name: DraftField, help: boolean) =>
    [help ? `coach-pf-${name}-help` : '', problemOf(name) ? `coach-pf-${name}-error` : ''].filter(Boolean).join(' ') ||
    undefined;

  return (
    <form
      class="coach-phrasing-form"
      aria-labelledby="coach-pf-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (isImeComposing(e)) return;
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || e.target instanceof HTMLInputElement)) {
          // Enter in the text area is a line break; Ctrl+Enter saves from anywhere.
          e.preventDefault();
          submit();
        }
      }}
    >
      <h2 id="coach-pf-heading">{editing ? t('formEdit') : t('formNew')}</h2>
      {tried && problems.length > 0 && (
        <p class="coach-form-error" role="alert">
          {t('formProblems', { n: problems.length })}
        </p>
      )}
      {field(
        'title',
        'fieldTitle',
        undefined,
        <input
          id="coach-pf-title"
          ref={first}
          type="text"
          value={draft.title}
          aria-required="true"
          aria-invalid={!!problemOf('title')}
          aria-describedby={described('title', false)}
          onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
        />,
      )}
      {field(
        'text',
        'fieldText',
        'fieldTextHelp',
        <textarea
          id="coach-pf-text"
          rows={4}
          value={draft.text}
          aria-required="true"
          aria-invalid={!!problemOf('text')}
          aria-describedby={described('text', true)}
          onInput={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
        />,
      )}
      {field(
        'tags',
        'fieldTags',
        'fieldTagsHelp',
        <input
          id="coach-pf-tags"
          type="text"
          value={draft.tags}
          aria-invalid={!!problemOf('tags')}
          aria-describedby={described('tags', true)}
          onInput={(e) => setDraft({ ...draft, tags: e.currentTarget.value })}
        />,
      )}
      {field(
        'guidelineId',
        'fieldLink',
        'fieldLinkHelp',
        <>
          <input
            id="coach-pf-guidelineId"
            type="text"
            list="coach-pf-guidelines"
            autoComplete="off"
            value={linkText}
            aria-invalid={!!problemOf('guidelineId')}
            aria-describedby={described('guidelineId', true)}
            onInput={(e) => setLink(e.currentTarget.value)}
          />
          <datalist id="coach-pf-guidelines">
            {suggestions.map((g) => (
              <option key={g.id} value={g.title} />
            ))}
          </datalist>
          {linked && <p class="coach-muted">{t('linkResolved', { title: linked.title })}</p>}
        </>,
      )}
      <div class="coach-form-actions">
        <button type="submit">{t('save')}</button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <span class="coach-muted">{t('formKeys')}</span>
      </div>
    </form>
  );
}

/**
 * The daily quiz (popup container): loads state through `api`, resumes today's set, shows one item at
 * a time with feedback, saves after every answer (the popup closes on every blur), updates the badge.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { translator } from '../../utils/i18n';
import type { QuizApi, QuizData } from '../../utils/quiz/api';
import type { ReviewCard } from '../../utils/quiz/card';
import { dayKey, daysBetween } from '../../utils/quiz/day';
import { gradeResponse, type QuizResponse } from '../../utils/quiz/grading';
import { recentHistory } from '../../utils/quiz/history';
import type { QuizItem } from '../../utils/quiz/items';
import { badgeText, nextItemId, progressOf, recordAnswer } from '../../utils/quiz/session';
import type { QuizState } from '../../utils/quiz/state';
import { settleStreak } from '../../utils/quiz/streak';
import { quizMessages } from './messages';
import { QuizEnd } from './QuizEnd';
import { type Answered, FeedbackActions, FeedbackText } from './QuizFeedback';
import { QuizItemView } from './QuizItemView';
import { isPlainEnter, useKeys } from './use-keys';

interface Loaded {
  data: QuizData;
  items: Map<string, QuizItem>;
  state: QuizState;
  /** Shown from the popup's own copy: what storage holds has not answered yet and may replace it. */
  fromCopy: boolean;
}

const toLoaded = (data: QuizData, fromCopy = false): Loaded => ({
  data,
  items: new Map(data.items.map((item) => [item.id, item])),
  state: data.state,
  fromCopy,
});

export function QuizApp({ api }: { api: QuizApi }) {
  // The popup's own copy of today (api.peek) shows at once; what storage holds (api.load) follows and wins.
  const [loaded, setShown] = useState<Loaded | null>(() => {
    const peeked = api.peek();
    return peeked && toLoaded(peeked, true);
  });
  // What answers are recorded on: set as soon as known, not at the next render.
  const latest = useRef(loaded);
  const setLoaded = useCallback((next: Loaded) => {
    latest.current = next;
    setShown(next);
  }, []);
  const [error, setError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [answered, setAnswered] = useState<Answered | null>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const itemRef = useRef<HTMLElement>(null);
  const marked = useRef(false);
  const t = useMemo(() => translator(quizMessages, loaded?.data.settings.uiLanguage ?? 'zh-CN'), [loaded]);

  const persist = useCallback(
    (next: QuizState) => {
      api.save(next).then(
        () => setSaveError(null),
        (e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)),
      );
    },
    [api],
  );

  // Loading starts during the first render and its result is taken as it arrives, not in an effect:
  // effects run after the next frame, which held the first item back by up to a frame.
  const [stored] = useState(() =>
    api
      .load()
      .then((data) => {
        // Today's set comes started or resumed (see QuizData); a newly started one is saved here.
        setLoaded(toLoaded(data));
        if (data.changed) persist(data.state);
        return true;
      })
      .catch((e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        return false;
      }),
  );

  const state = loaded?.state;
  // The badge follows the state once the screen is up: the browser sets up its badge API on first use (ms).
  const badge = state ? badgeText(state, dayKey(api.now())) : null;
  useEffect(() => {
    if (badge !== null) void api.setBadge(badge);
  }, [badge, api]);
  const progress = state ? progressOf(state) : null;
  const currentId = state ? nextItemId(state) : null;
  const current = answered?.item ?? (currentId ? loaded?.items.get(currentId) : undefined);

  // Runs after the item's key listeners (children's layout effects run first): it can be answered now.
  // A finished or empty day marks the moment its screen is up.
  useLayoutEffect(() => {
    if (!loaded || marked.current) return;
    marked.current = true;
    api.markInteractive();
  }, [loaded, api]);
  useEffect(() => {
    // Focus follows the flow so keyboard and screen-reader users start where the next action is.
    if (answered) continueRef.current?.focus();
    else if (currentId && itemRef.current) itemRef.current.focus();
    else document.getElementById('quiz-end-title')?.focus();
  }, [answered, currentId]);

  // The scheduler loads once the first item is up (opening does not wait for it); an answer awaits it.
  const scheduler = useRef<Promise<ReviewCard> | null>(null);
  const loadScheduler = useCallback(() => {
    scheduler.current ??= api.loadScheduler().catch((e: unknown) => {
      scheduler.current = null; // the next answer tries again
      throw e;
    });
    return scheduler.current;
  }, [api]);
  useEffect(() => {
    if (loaded) loadScheduler().catch(() => undefined); // said when an answer needs it
  }, [loaded, loadScheduler]);

  const submitting = useRef(false);
  const submit = (item: QuizItem, response: QuizResponse) => {
    if (!loaded || submitting.current) return;
    submitting.current = true;
    const now = api.now();
    const graded = gradeResponse(item, response);
    // Recorded on the stored state (an answer given while only the copy was up waits for it) with the scheduler.
    Promise.all([stored, loadScheduler()])
      .then(([ok, review]) => {
        const base = latest.current;
        if (!ok || !base) return;
        const next = recordAnswer(base.state, item, graded, review, now);
        // Not in today's set as stored, or answered elsewhere already: the stored state is what shows.
        if (next === base.state) return;
        const due = next.cards[item.id]?.due ?? now.getTime();
        const nextInDays = Math.max(1, daysBetween(dayKey(now), dayKey(new Date(due))));
        setAnswered({ item, response, graded, nextInDays });
        setLoaded({ ...base, state: next });
        persist(next);
      })
      .catch((e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        submitting.current = false;
      });
  };
  const proceed = () => setAnswered(null);

  useKeys((event) => {
    if (answered && isPlainEnter(event)) {
      proceed();
      return true;
    }
    return false;
  });

  if (error) return <p role="alert">{t('loadFailed', { reason: error })}</p>;
  if (!loaded || !state || !progress) return <p class="muted">{t('loading')}</p>;
  if (progress.total === 0) return <p>{t('empty')}</p>;

  const position = answered ? (state.today?.itemIds.indexOf(answered.item.id) ?? 0) : progress.answered;
  const today = progress.day;
  return (
    // Busy while only the copy shows: assistive technology (and tests) can tell when what storage holds is up.
    <main class="quiz" aria-busy={loaded.fromCopy ? 'true' : undefined}>
      <header>
        <h1>{t('title')}</h1>
        {(current || answered) && (
          <p class="progress">
            <span aria-hidden="true">{t('progress', { current: position + 1, total: progress.total })}</span>
            <span class="sr-only">{t('progressLabel', { current: position + 1, total: progress.total })}</span>
          </p>
        )}
      </header>
      {current && !answered && (
        <section
          ref={itemRef}
          tabIndex={-1}
          aria-label={t('progressLabel', { current: position + 1, total: progress.total })}
        >
          <QuizItemView key={current.id} item={current} t={t} onSubmit={(response) => submit(current, response)} />
        </section>
      )}
      {answered && (
        // The question stays in view above its feedback (outside the live region: it was read already).
        <p class="prompt answered">{answered.item.prompt}</p>
      )}
      {saveError && (
        <p role="alert" class="note">
          {t('saveFailed', { reason: saveError })}
        </p>
      )}
      <div class="feedback" role="status" aria-live="polite" aria-atomic="true">
        {answered && <FeedbackText answered={answered} t={t} />}
      </div>
      {answered && (
        <FeedbackActions
          answered={answered}
          t={t}
          last={progress.done}
          onOpen={(id) => void api.openInSidePanel(id)}
          onContinue={proceed}
          continueRef={continueRef}
        />
      )}
      {!current && progress.done && (
        <QuizEnd
          progress={progress}
          streak={settleStreak(state.streak, today)}
          history={recentHistory(state.history, today)}
          t={t}
        />
      )}
    </main>
  );
}

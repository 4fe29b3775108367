/** One item on screen: its type label, then the view for its type. */
import type { QuizResponse } from '../../utils/quiz/grading';
import type { QuizItem } from '../../utils/quiz/items';
import { ChoiceQuestion } from './ChoiceQuestion';
import { OrderQuestion } from './OrderQuestion';
import type { QuizText } from './quiz-text';
import { RecallCard } from './RecallCard';

const TYPE_LABEL = {
  single: 'typeSingle',
  multiple: 'typeMultiple',
  truefalse: 'typeTrueFalse',
  phrase: 'typePhrase',
  order: 'typeOrder',
  recall: 'typeRecall',
} as const;

export function QuizItemView({
  item,
  t,
  onSubmit,
}: {
  item: QuizItem;
  t: QuizText;
  onSubmit(response: QuizResponse): void;
}) {
  return (
    <>
      {/* No source title here: a curator's title can give the answer away. It is shown in the feedback. */}
      <p class="type">{t(TYPE_LABEL[item.type])}</p>
      {item.type === 'order' ? (
        <OrderQuestion item={item} t={t} onSubmit={onSubmit} />
      ) : item.type === 'recall' ? (
        <RecallCard item={item} t={t} onSubmit={onSubmit} />
      ) : (
        <ChoiceQuestion item={item} t={t} onSubmit={onSubmit} />
      )}
    </>
  );
}

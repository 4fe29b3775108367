import { render } from 'preact';
import { QuizApp } from '../../components/quiz/QuizApp';
import '../../components/quiz/quiz.css';
import { createQuizApi } from '../../utils/browser/quiz-api';

render(<QuizApp api={createQuizApi()} />, document.getElementById('app') as HTMLElement);

import { describe, expect, it } from 'vitest';
import { Rating } from '../../utils/quiz/card';
import { gradeResponse } from '../../utils/quiz/grading';
import { generateItems, type QuizItem } from '../../utils/quiz/items';
import { FIXTURE_ENTRIES } from './quiz-fixtures';

const items = generateItems(FIXTURE_ENTRIES, '2026-11-23');
const item = (id: string) => items.find((i) => i.id === id) as QuizItem;
const right = { correct: true, rating: Rating.Good };
const wrong = { correct: false, rating: Rating.Again };

describe('quiz grading', () => {
  it('single choice: the answer key is right, anything else is Again', () => {
    expect(gradeResponse(item('q:q-single'), { type: 'choice', keys: ['A'] })).toEqual(right);
    expect(gradeResponse(item('q:q-single'), { type: 'choice', keys: ['B'] })).toEqual(wrong);
    expect(gradeResponse(item('q:q-single'), { type: 'choice', keys: [] })).toEqual(wrong);
  });

  it('multiple choice: exactly the right set, in any order; a subset or superset is wrong', () => {
    const q = item('q:q-multiple');
    expect(gradeResponse(q, { type: 'choice', keys: ['D', 'A', 'C'] })).toEqual(right);
    expect(gradeResponse(q, { type: 'choice', keys: ['A', 'C'] })).toEqual(wrong);
    expect(gradeResponse(q, { type: 'choice', keys: ['A', 'B', 'C', 'D'] })).toEqual(wrong);
    expect(gradeResponse(q, { type: 'choice', keys: ['A', 'A', 'C'] })).toEqual(wrong);
  });

  it('true/false', () => {
    expect(gradeResponse(item('q:q-tf'), { type: 'truefalse', value: false })).toEqual(right);
    expect(gradeResponse(item('q:q-tf'), { type: 'truefalse', value: true })).toEqual(wrong);
  });

  it('step ordering: only the full right order is right', () => {
    const q = item('order:refund-delay');
    expect(gradeResponse(q, { type: 'order', order: [0, 1, 2, 3] })).toEqual(right);
    expect(gradeResponse(q, { type: 'order', order: [1, 0, 2, 3] })).toEqual(wrong);
    expect(gradeResponse(q, { type: 'order', order: [0, 1, 2] })).toEqual(wrong);
  });

  it('which phrasing fits: the phrasing of this guideline is right', () => {
    const q = item('phrase:angry-caller');
    if (q.type !== 'phrase') throw new Error('not a phrase item');
    const other = q.options.find((o) => !q.answer.includes(o.key))?.key as string;
    expect(gradeResponse(q, { type: 'choice', keys: q.answer })).toEqual(right);
    expect(gradeResponse(q, { type: 'choice', keys: [other] })).toEqual(wrong);
  });

  it('recall cards keep the agent’s own grade; only Again counts as wrong', () => {
    const q = item('recall:q-open');
    expect(gradeResponse(q, { type: 'recall', grade: Rating.Hard })).toEqual({ correct: true, rating: Rating.Hard });
    expect(gradeResponse(q, { type: 'recall', grade: Rating.Easy })).toEqual({ correct: true, rating: Rating.Easy });
    expect(gradeResponse(q, { type: 'recall', grade: Rating.Again })).toEqual(wrong);
    expect(() => gradeResponse(q, { type: 'choice', keys: ['A'] })).toThrow(/recall:q-open/);
  });
});

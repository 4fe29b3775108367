/** UI strings of the quiz popup (zh-CN first). */
import type { Catalog } from '../../utils/i18n';

type Key =
  | 'title'
  | 'loading'
  | 'loadFailed'
  | 'saveFailed'
  | 'empty'
  | 'progress'
  | 'progressLabel'
  | 'typeSingle'
  | 'typeMultiple'
  | 'typeTrueFalse'
  | 'typePhrase'
  | 'typeOrder'
  | 'typeRecall'
  | 'hintChoice'
  | 'hintMultiple'
  | 'hintOrder'
  | 'hintRecall'
  | 'hintGrade'
  | 'true'
  | 'false'
  | 'submit'
  | 'continue'
  | 'finish'
  | 'reveal'
  | 'steps'
  | 'remaining'
  | 'yourOrder'
  | 'undo'
  | 'referencePoints'
  | 'referenceSteps'
  | 'errata'
  | 'truncated'
  | 'gradeQuestion'
  | 'grade1'
  | 'grade2'
  | 'grade3'
  | 'grade4'
  | 'right'
  | 'wrong'
  | 'recorded'
  | 'correctAnswer'
  | 'yourAnswer'
  | 'correctOrder'
  | 'explanation'
  | 'source'
  | 'openInPanel'
  | 'nextReview'
  | 'nextReviewDays'
  | 'doneTitle'
  | 'score'
  | 'streak'
  | 'bestStreak'
  | 'freezes'
  | 'freezeUsed'
  | 'comeBack'
  | 'historyTitle'
  | 'historySummary'
  | 'historyDay'
  | 'historyScore'
  | 'historyNone';

export const quizMessages: Catalog<Key> = {
  'zh-CN': {
    title: '每日小测',
    loading: '正在准备今天的题目…',
    loadFailed: '题目加载失败：{reason}',
    saveFailed: '答题记录没有保存：{reason}。关闭弹窗后这道题可能需要重做。',
    empty: '当前知识包里还没有可以出题的内容。',
    progress: '{current}/{total}',
    progressLabel: '第 {current} 题，共 {total} 题',
    typeSingle: '单选题',
    typeMultiple: '多选题',
    typeTrueFalse: '判断题',
    typePhrase: '哪句话术最适合这个情境？',
    typeOrder: '把处理步骤排成正确的顺序',
    typeRecall: '回忆题：先自己想，再看参考答案',
    hintChoice: '按数字键选择，回车提交',
    hintMultiple: '按数字键或空格勾选，回车提交',
    hintOrder: '按发生顺序依次按数字键（或点击）选步骤，退格键撤销，回车提交',
    hintRecall: '想好后按回车查看参考答案',
    hintGrade: '按 1–4 给自己打分',
    true: '对',
    false: '错',
    submit: '提交',
    continue: '下一题',
    finish: '查看结果',
    reveal: '显示参考答案',
    steps: '待排列的步骤',
    remaining: '还剩 {count} 步',
    yourOrder: '你的顺序',
    undo: '撤销上一步',
    referencePoints: '参考要点',
    referenceSteps: '处理步骤',
    errata: '勘误：{note}',
    truncated: '原文到此中断，参考答案可能不完整。',
    gradeQuestion: '你记得怎么样？',
    grade1: '忘记了',
    grade2: '有点难',
    grade3: '记得',
    grade4: '很轻松',
    right: '回答正确',
    wrong: '回答错误',
    recorded: '已记录：{grade}',
    correctAnswer: '正确答案：{answer}',
    yourAnswer: '你的答案：{answer}',
    correctOrder: '正确顺序：',
    explanation: '解析：{text}',
    source: '出处：{title}',
    openInPanel: '在侧边栏中查看',
    nextReview: '明天再复习',
    nextReviewDays: '{days} 天后再复习',
    doneTitle: '今天的小测完成了',
    score: '答对 {correct}/{total}',
    streak: '连续完成 {count} 天',
    bestStreak: '最长 {count} 天',
    freezes: '补签卡 {count} 张（每连续 7 天得 1 张，漏做一天时自动使用）',
    freezeUsed: '已用补签卡保住连续天数：{days}',
    comeBack: '明天零点后会有新的题目。',
    historyTitle: '最近 30 天',
    historySummary: '最近 30 天做了 {played} 天，完成 {done} 天，平均正确率 {average}',
    historyDay: '日期',
    historyScore: '得分',
    historyNone: '未做',
  },
  en: {
    title: 'Daily quiz',
    loading: 'Preparing today’s items…',
    loadFailed: 'Could not load the quiz: {reason}',
    saveFailed: 'Your answer was not saved: {reason}. You may see this item again after closing the popup.',
    empty: 'The active packs have nothing to quiz on yet.',
    progress: '{current}/{total}',
    progressLabel: 'Item {current} of {total}',
    typeSingle: 'Single choice',
    typeMultiple: 'Multiple choice',
    typeTrueFalse: 'True or false',
    typePhrase: 'Which phrasing fits this situation?',
    typeOrder: 'Put the steps in the right order',
    typeRecall: 'Recall: think first, then compare with the reference',
    hintChoice: 'Press a number to choose, Enter to submit',
    hintMultiple: 'Press numbers or Space to tick, Enter to submit',
    hintOrder: 'Press the numbers (or click) in the order the steps happen; Backspace undoes; Enter submits',
    hintRecall: 'Press Enter to see the reference',
    hintGrade: 'Press 1–4 to grade yourself',
    true: 'True',
    false: 'False',
    submit: 'Submit',
    continue: 'Next',
    finish: 'See results',
    reveal: 'Show the reference',
    steps: 'Steps to place',
    remaining: '{count} left',
    yourOrder: 'Your order',
    undo: 'Undo last step',
    referencePoints: 'Key points',
    referenceSteps: 'Steps',
    errata: 'Erratum: {note}',
    truncated: 'The source breaks off here; the reference may be incomplete.',
    gradeQuestion: 'How well did you remember?',
    grade1: 'Forgot',
    grade2: 'Hard',
    grade3: 'Good',
    grade4: 'Easy',
    right: 'Right',
    wrong: 'Wrong',
    recorded: 'Recorded: {grade}',
    correctAnswer: 'Correct answer: {answer}',
    yourAnswer: 'Your answer: {answer}',
    correctOrder: 'Right order:',
    explanation: 'Why: {text}',
    source: 'Source: {title}',
    openInPanel: 'View in side panel',
    nextReview: 'Back tomorrow',
    nextReviewDays: 'Back in {days} days',
    doneTitle: 'Today’s quiz is done',
    score: '{correct}/{total} right',
    streak: '{count}-day streak',
    bestStreak: 'best {count} days',
    freezes: '{count} streak freeze(s) (one per 7 days in a row, used automatically on a missed day)',
    freezeUsed: 'A freeze kept your streak on: {days}',
    comeBack: 'New items after midnight.',
    historyTitle: 'Last 30 days',
    historySummary: 'Last 30 days: played {played}, finished {done}, average {average} right',
    historyDay: 'Day',
    historyScore: 'Score',
    historyNone: 'not played',
  },
};

export type QuizMessageKey = Key;

/** Strings of the shared entry views (used by the panel and the quiz). */
import type { Catalog } from '../../utils/i18n';

type Key =
  | 'kind.guideline'
  | 'kind.phrasing'
  | 'kind.question'
  | 'scenario'
  | 'steps'
  | 'phrasings'
  | 'keyPoints'
  | 'analysis'
  | 'example'
  | 'situation'
  | 'options'
  | 'answer'
  | 'answerTrue'
  | 'answerFalse'
  | 'explanation'
  | 'referencePoints'
  | 'errata'
  | 'truncated'
  | 'source'
  | 'sourceSection'
  | 'sourceNumber'
  | 'sourceOnly'
  | 'reviewed'
  | 'sectionIntro'
  | 'curatedMark'
  | 'curatedMarkTitle'
  | 'curatedFields'
  | 'stem'
  | 'phrasingText'
  | 'listSeparator'
  | 'copy'
  | 'insert'
  | 'copyLabel'
  | 'insertLabel';

export type SharedKey = Key;

export const sharedMessages: Catalog<Key> = {
  'zh-CN': {
    'kind.guideline': '规范',
    'kind.phrasing': '话术',
    'kind.question': '题目',
    scenario: '场景',
    steps: '处理步骤',
    phrasings: '推荐话术',
    keyPoints: '要点',
    analysis: '分析',
    example: '示例',
    situation: '适用情境',
    options: '选项',
    answer: '答案',
    answerTrue: '正确',
    answerFalse: '错误',
    explanation: '解析',
    referencePoints: '参考要点',
    errata: '勘误',
    truncated: '原文在此处不完整，本条只保留了现有内容。',
    source: '出处：{source} · {section} · 第 {number} 题',
    sourceSection: '出处：{source} · {section}',
    sourceNumber: '出处：{source} · 第 {number} 题',
    sourceOnly: '出处：{source}',
    reviewed: '最后审核：{date}',
    sectionIntro: '本部分（{section}）{text}',
    curatedMark: '（编者撰写）',
    curatedMarkTitle: '这部分不是原文，由编者根据原文撰写或改写',
    curatedFields: '不是原文，由编者撰写或改写：{fields}',
    stem: '题干',
    phrasingText: '话术',
    listSeparator: '、',
    copy: '复制',
    insert: '插入',
    copyLabel: '复制话术 {n}',
    insertLabel: '将话术 {n} 插入工单回复框',
  },
  en: {
    'kind.guideline': 'Guideline',
    'kind.phrasing': 'Phrasing',
    'kind.question': 'Question',
    scenario: 'Scenario',
    steps: 'Steps',
    phrasings: 'Phrasings',
    keyPoints: 'Key points',
    analysis: 'Analysis',
    example: 'Example',
    situation: 'Situation',
    options: 'Options',
    answer: 'Answer',
    answerTrue: 'True',
    answerFalse: 'False',
    explanation: 'Explanation',
    referencePoints: 'Reference points',
    errata: 'Erratum',
    truncated: 'The source is cut off here; this entry keeps what exists.',
    source: 'Source: {source} · {section} · no. {number}',
    sourceSection: 'Source: {source} · {section}',
    sourceNumber: 'Source: {source} · no. {number}',
    sourceOnly: 'Source: {source}',
    reviewed: 'Last reviewed: {date}',
    sectionIntro: 'Section ({section}): {text}',
    curatedMark: ' (curator’s text)',
    curatedMarkTitle: 'Not in the source: written or reworded by the curators from it',
    curatedFields: 'Not in the source, written or reworded by the curators: {fields}',
    stem: 'Question',
    phrasingText: 'Phrasing',
    listSeparator: ', ',
    copy: 'Copy',
    insert: 'Insert',
    copyLabel: 'Copy phrasing {n}',
    insertLabel: 'Insert phrasing {n} into the ticket reply',
  },
};

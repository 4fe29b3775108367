/**
 * Pack problems in words a pack author understands, in the UI language: which entry (by position and
 * title, or by spreadsheet row), which field (「步骤」, 「第 2 步」, 「选项 B 的内容」) and what is wrong. The
 * technical form (`FILE:LINE: path: message (id "x")`, `formatProblem`) stays for the CLI and is shown small
 * next to it. Pure: the options page and the entry editor call it with their language.
 */
import type { PackProblem } from '../../knowledge/problems';
import { type Catalog, translator } from '../i18n';
import type { UiLanguage } from '../settings';

const zh = {
  sentence: '{subject}：{text}',
  entry: '第 {n} 条',
  entryTitled: '第 {n} 条 “{title}”',
  row: '第 {row} 行',
  rowTitled: '第 {row} 行 “{title}”',
  listItem: '{field}的第 {n} 项',
  // fields of an entry
  'field.id': 'ID',
  'field.kind': '类型',
  'field.title': '标题',
  'field.tags': '标签',
  'field.keywords': '关键词',
  'field.provenance': '出处',
  'field.provenance.source': '出处名称',
  'field.provenance.section': '出处章节',
  'field.provenance.number': '出处编号',
  'field.provenance.note': '出处备注',
  'field.provenance.sectionIntro': '章节说明',
  'field.provenance.curated': '整理改写的字段清单',
  'field.reviewedAt': '审核日期',
  'field.errata': '勘误说明',
  'field.truncated': '“原文不完整”标记',
  'field.scenario': '场景',
  'field.steps': '处理步骤',
  'field.phrasings': '推荐话术',
  'field.keyPoints': '要点',
  'field.analysis': '分析',
  'field.example': '示例',
  'field.text': '话术正文',
  'field.situation': '适用情境',
  'field.guidelineId': '关联规范',
  'field.questionType': '题型',
  'field.stem': '题干',
  'field.options': '选项',
  'field.answer': '答案',
  'field.explanation': '解析',
  'field.referencePoints': '参考要点',
  'item.steps': '第 {n} 步',
  'item.phrasings': '第 {n} 条推荐话术',
  'item.keyPoints': '第 {n} 个要点',
  'item.referencePoints': '第 {n} 个参考要点',
  'item.tags': '第 {n} 个标签',
  'item.keywords': '第 {n} 个关键词',
  'item.answer': '答案',
  option: '选项 {key}',
  optionNth: '第 {n} 个选项',
  optionText: '选项 {key} 的内容',
  optionKey: '第 {n} 个选项的字母',
  // fields of the pack itself
  'pack.format': '文件格式标记 format',
  'pack.formatVersion': '格式版本 formatVersion',
  'pack.id': '知识包 ID',
  'pack.name': '知识包名称',
  'pack.description': '知识包说明',
  'pack.language': '知识包语言',
  'pack.updatedAt': '知识包更新日期',
  'pack.entries': '条目列表',
  'pack.synonyms': '同义词组',
  'pack.file': '文件',
  // what is expected of a value
  'type.string': '文字',
  'type.array': '列表',
  'type.number': '数字',
  'type.boolean': 'true 或 false',
  'type.object': '一组字段 {…}',
  'kind.guideline': '规范',
  'kind.phrasing': '话术',
  'kind.question': '题目',
  'kind.synonyms': '同义词',
  // what went wrong
  required: '缺少{field}',
  empty: '{field}不能为空',
  wrongType: '{field}应为{expected}',
  unknownField: '有一个不认识的字段 “{name}”（拼写有误？）',
  badId: '{field}只能用小写英文字母、数字和 “-”，以字母或数字开头，最多 80 个字符（现在是 “{value}”）',
  badDate: '{field}要写成 2026-11-01 这样的日期（现在是 “{value}”）',
  notWholeNumber: '{field}必须是整数（现在是 {value}）',
  tooSmall: '{field}不能小于 1（现在是 {value}）',
  tooFew: '{field}至少要有 {min} 项',
  badOptionKey: '{field}要用一个大写字母 A–Z（现在是 “{value}”）',
  badAnswerKey: '答案要写选项的字母，如 B（现在是 “{value}”）',
  badKind: '类型 “{value}” 不认识：应为 guideline（规范）、phrasing（话术）或 question（题目）',
  badQuestionType: '题型 “{value}” 不认识：应为 single（单选）、multiple（多选）、truefalse（判断）或 open（简答）',
  badFormat: '这不是坐席教练的知识包：format 应为 “agent-coach-pack”（现在是 “{value}”）',
  badFormatVersion: '不支持格式版本 {value}：应为 1',
  notAllowed: '{field}不能是 “{value}”',
  duplicateId: 'ID “{id}” 与第 {first} 条重复',
  duplicateOptionKey: '选项字母 {key} 用了两次',
  answerNotOption: '答案 “{value}” 不是任何一个选项的字母（现有选项：{keys}）',
  answerTwice: '答案中同一个选项写了两次',
  curatedTwice: '{field}把 “{name}” 写了两次',
  curatedUnknown: '{field}列出了 “{name}”，但这一条没有这个字段',
  missingGuideline: '关联规范 “{target}” 不存在：本知识包和其他启用的知识包里都没有这个 ID',
  invalid: '{field}不符合要求（{message}）',
  invalidJson: '文件不是有效的 JSON：请检查第 {line} 行附近的逗号、引号和括号',
  emptyFile: '文件是空的',
  fileTooBig: '文件有 {mb} MB，知识包最大 40 MB',
  unreadableText: '读不出文件的文字：文件已损坏，或既不是 UTF-8 也不是 GBK 编码。请重新保存或下载后再试',
  unreadableFile: '无法读取这个文件',
  brokenCharacter: '{field}中有一个损坏的字符',
  csvSyntax: 'CSV 第 {line} 行的引号不成对：含逗号或换行的单元格要整个放在引号里',
  csvUnknownColumn: '表头里的列 “{column}” 不认识（可用的列见说明）',
  csvDuplicateColumn: '表头里的列 “{column}” 出现了两次',
  csvMissingColumn: '表头缺少 “{column}” 列',
  csvMissingColumnFor: '表头缺少 “{column}” 列（{kind}行需要）',
  csvNoRows: '表头下面没有任何条目',
  idUsedElsewhere: 'ID “{id}” 已被启用的知识包「{pack}」使用；各知识包的 ID 不能重复',
  packIdTaken: '知识包 ID “{id}” 已被另一个来源的知识包使用，请换一个 ID',
  noSuchPack: '没有安装知识包 “{id}”',
  managedPack: '这个知识包由管理员策略设置，不能在这里移除',
  staleLibrary: '预览之后知识包有了变化，请重新选择文件预览',
  changedElsewhere: '知识包刚在其他页面或由管理员同步修改过，请重试',
} as const;

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  sentence: '{subject}: {text}',
  entry: 'Entry {n}',
  entryTitled: 'Entry {n} "{title}"',
  row: 'Row {row}',
  rowTitled: 'Row {row} "{title}"',
  listItem: 'item {n} of {field}',
  'field.id': 'the id',
  'field.kind': 'the kind',
  'field.title': 'the title',
  'field.tags': 'the tags',
  'field.keywords': 'the keywords',
  'field.provenance': 'the source',
  'field.provenance.source': 'the source name',
  'field.provenance.section': 'the source section',
  'field.provenance.number': 'the source number',
  'field.provenance.note': 'the source note',
  'field.provenance.sectionIntro': 'the section introduction',
  'field.provenance.curated': 'the list of curated fields',
  'field.reviewedAt': 'the review date',
  'field.errata': 'the erratum',
  'field.truncated': 'the "source cut off" mark',
  'field.scenario': 'the scenario',
  'field.steps': 'the steps',
  'field.phrasings': 'the phrasings',
  'field.keyPoints': 'the key points',
  'field.analysis': 'the analysis',
  'field.example': 'the example',
  'field.text': 'the phrasing text',
  'field.situation': 'the situation',
  'field.guidelineId': 'the linked guideline',
  'field.questionType': 'the question type',
  'field.stem': 'the question',
  'field.options': 'the options',
  'field.answer': 'the answer',
  'field.explanation': 'the explanation',
  'field.referencePoints': 'the reference points',
  'item.steps': 'step {n}',
  'item.phrasings': 'phrasing {n}',
  'item.keyPoints': 'key point {n}',
  'item.referencePoints': 'reference point {n}',
  'item.tags': 'tag {n}',
  'item.keywords': 'keyword {n}',
  'item.answer': 'the answer',
  option: 'option {key}',
  optionNth: 'option {n}',
  optionText: 'the text of option {key}',
  optionKey: 'the letter of option {n}',
  'pack.format': 'the format marker',
  'pack.formatVersion': 'the format version',
  'pack.id': 'the pack id',
  'pack.name': 'the pack name',
  'pack.description': 'the pack description',
  'pack.language': 'the pack language',
  'pack.updatedAt': 'the pack date',
  'pack.entries': 'the list of entries',
  'pack.synonyms': 'the synonym groups',
  'pack.file': 'the file',
  'type.string': 'text',
  'type.array': 'a list',
  'type.number': 'a number',
  'type.boolean': 'true or false',
  'type.object': 'a group of fields {…}',
  'kind.guideline': 'guideline',
  'kind.phrasing': 'phrasing',
  'kind.question': 'question',
  'kind.synonyms': 'synonyms',
  required: 'missing {field}',
  empty: '{field} must not be empty',
  wrongType: '{field} must be {expected}',
  unknownField: 'has a field "{name}" that packs do not have (a typo?)',
  badId:
    '{field} may only use lower-case letters a–z, digits and "-", starting with a letter or digit, at most 80 characters (it is "{value}")',
  badDate: '{field} must be a date written like 2026-11-01 (it is "{value}")',
  notWholeNumber: '{field} must be a whole number (it is {value})',
  tooSmall: '{field} must be 1 or more (it is {value})',
  tooFew: '{field} needs at least {min} items',
  badOptionKey: '{field} must be one capital letter A–Z (it is "{value}")',
  badAnswerKey: 'the answer must be the letter of an option, such as B (it is "{value}")',
  badKind: 'the kind "{value}" is unknown: use guideline, phrasing or question',
  badQuestionType: 'the question type "{value}" is unknown: use single, multiple, truefalse or open',
  badFormat: 'this is not an Agent Coach pack: format must be "agent-coach-pack" (it is "{value}")',
  badFormatVersion: 'format version {value} is not supported: use 1',
  notAllowed: '{field} cannot be "{value}"',
  duplicateId: 'the id "{id}" is already used by entry {first}',
  duplicateOptionKey: 'the option letter {key} is used twice',
  answerNotOption: 'the answer "{value}" is not the letter of any option (options: {keys})',
  answerTwice: 'the answer lists the same option twice',
  curatedTwice: '{field} lists "{name}" twice',
  curatedUnknown: '{field} names "{name}", a field this entry does not have',
  missingGuideline: 'the linked guideline "{target}" does not exist in this pack or any other enabled pack',
  invalid: '{field} is not valid ({message})',
  invalidJson: 'the file is not valid JSON: check commas, quotes and brackets near line {line}',
  emptyFile: 'the file is empty',
  fileTooBig: 'the file is {mb} MB; packs are limited to 40 MB',
  unreadableText:
    'the text of the file cannot be read: it is damaged, or neither UTF-8 nor GBK. Save or download it again',
  unreadableFile: 'the file could not be read',
  brokenCharacter: '{field} contains a broken character',
  csvSyntax: 'the quotes on CSV line {line} do not pair up: put cells with commas or line breaks in quotes',
  csvUnknownColumn: 'the header has a column "{column}" that packs do not use (see the list of columns)',
  csvDuplicateColumn: 'the header has the column "{column}" twice',
  csvMissingColumn: 'the header has no "{column}" column',
  csvMissingColumnFor: 'the header has no "{column}" column ({kind} rows need it)',
  csvNoRows: 'there are no entries below the header row',
  idUsedElsewhere: 'the id "{id}" is already used by the enabled pack "{pack}"; ids must be unique across packs',
  packIdTaken: 'the pack id "{id}" belongs to a pack from another source; give the pack another id',
  noSuchPack: 'no pack "{id}" is installed',
  managedPack: 'this pack is set by your administrator and cannot be removed here',
  staleLibrary: 'the packs changed since the preview; choose the file again',
  changedElsewhere: 'the packs were just changed in another tab or by an administrator sync; try again',
};

const catalog: Catalog<Key> = { 'zh-CN': zh, en };

const LIST_ITEMS = new Set(['steps', 'phrasings', 'keyPoints', 'referencePoints', 'tags', 'keywords', 'answer']);

function has(key: string): key is Key {
  return key in zh;
}

/** Where in its entry a problem is: the keys after `entries[n]`, and n; or the pack-level keys. */
export function problemTarget(p: PackProblem): { entry?: number; field: (string | number)[] } {
  const at = p.at ?? [];
  if (at[0] === 'entries' && typeof at[1] === 'number') return { entry: at[1], field: at.slice(2) };
  return { field: at };
}

/** The field as a pack author calls it: 「处理步骤」, 「第 2 步」, 「选项 B 的内容」, 「出处章节」. */
export function fieldName(
  field: readonly (string | number)[],
  lang: UiLanguage,
  optionKeyAt: (index: number) => string | undefined = () => undefined,
): string {
  const t = translator(catalog, lang);
  const [head, index, sub] = field;
  if (head === undefined) return '';
  if (head === 'options' && typeof index === 'number') {
    const key = optionKeyAt(index);
    if (sub === 'key') return t('optionKey', { n: index + 1 });
    if (sub === 'text') return key ? t('optionText', { key }) : t('optionNth', { n: index + 1 });
    return key ? t('option', { key }) : t('optionNth', { n: index + 1 });
  }
  if (typeof index === 'number' && LIST_ITEMS.has(String(head))) {
    const itemKey = `item.${String(head)}`;
    return has(itemKey) ? t(itemKey, { n: index + 1 }) : '';
  }
  const nested = head === 'provenance' && typeof index === 'string' ? `field.provenance.${index}` : '';
  if (nested && has(nested)) return t(nested);
  const key = `field.${String(head)}`;
  if (has(key)) return t(key);
  if (typeof index === 'number') return t('listItem', { field: String(head), n: index + 1 });
  return `“${String(head)}”`;
}

function packFieldName(field: readonly (string | number)[], lang: UiLanguage): string {
  const t = translator(catalog, lang);
  const key = `pack.${String(field[0] ?? 'file')}`;
  return has(key) ? t(key) : `“${String(field[0])}”`;
}

export interface ProblemWording {
  /** 「第 3 条 “退款迟迟未到账”」, or empty for a problem of the whole file or pack. */
  subject: string;
  /** 「步骤不能为空」. */
  text: string;
  /** Both, as one sentence: 「第 3 条 “退款迟迟未到账”：步骤不能为空」. */
  sentence: string;
}

/**
 * One problem in words. `entryOf(n)` may give the entry at position n as it is now (the editor's draft), for
 * the current option letters; otherwise those the problem was found with are used.
 */
export function describeProblem(
  p: PackProblem,
  lang: UiLanguage,
  entryOf?: (index: number) => unknown,
): ProblemWording {
  const t = translator(catalog, lang);
  const { entry, field } = problemTarget(p);
  const raw = entry === undefined ? undefined : entryOf?.(entry);
  const optionKeyAt = (index: number) => {
    const options = (raw as { options?: unknown } | undefined)?.options;
    const key = Array.isArray(options) ? (options[index] as { key?: unknown } | null)?.key : p.params?.optionKey;
    return typeof key === 'string' && /^[A-Z]$/.test(key) ? key : undefined;
  };
  const name = entry === undefined ? packFieldName(field, lang) : fieldName(field, lang, optionKeyAt);
  const params: Record<string, string | number> = {
    field: name,
    message: p.message,
    line: p.line ?? '?',
    id: p.entryId ?? '',
    ...p.params,
  };
  if (p.code === 'wrongType' && typeof params.expected === 'string') {
    const typeKey = `type.${params.expected}`;
    if (has(typeKey)) params.expected = t(typeKey);
  }
  let key: Key = p.code && has(p.code) ? p.code : 'invalid';
  if (p.code === 'csvMissingColumn' && typeof params.kind === 'string') {
    key = 'csvMissingColumnFor';
    const kindKey = `kind.${params.kind}`;
    if (has(kindKey)) params.kind = t(kindKey);
  }
  const text = t(key, params);
  const title = p.entryTitle && p.entryTitle.length > 30 ? `${p.entryTitle.slice(0, 29)}…` : p.entryTitle;
  let subject = '';
  if (p.row !== undefined) subject = title ? t('rowTitled', { row: p.row, title }) : t('row', { row: p.row });
  else if (entry !== undefined)
    subject = title ? t('entryTitled', { n: entry + 1, title }) : t('entry', { n: entry + 1 });
  return {
    subject,
    text: capitalize(text, lang),
    sentence: subject ? t('sentence', { subject, text }) : capitalize(text, lang),
  };
}

function capitalize(text: string, lang: UiLanguage): string {
  return lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** The technical place for people who fix the file in an editor: `team.json:12 · entries[3].steps`. */
export function problemPlace(file: string, p: PackProblem): string {
  const where = p.line && file ? `${file}:${p.line}` : file;
  return [where, p.path].filter(Boolean).join(' · ');
}

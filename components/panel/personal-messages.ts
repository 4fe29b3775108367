/** Strings of 「我的话术」 in the side panel (kept apart from the panel's catalog). */
import type { Catalog } from '../../utils/i18n';

export type PersonalKey =
  | 'newPhrasing'
  | 'newPhrasingLabel'
  | 'formNew'
  | 'formEdit'
  | 'fieldTitle'
  | 'fieldText'
  | 'fieldTextHelp'
  | 'fieldTags'
  | 'fieldTagsHelp'
  | 'fieldLink'
  | 'fieldLinkHelp'
  | 'linkResolved'
  | 'save'
  | 'cancel'
  | 'formKeys'
  | 'required'
  | 'tooLong'
  | 'tooMany'
  | 'unknownGuideline'
  | 'formProblems'
  | 'saved'
  | 'updated'
  | 'deleted'
  | 'undo'
  | 'undoLabel'
  | 'restored'
  | 'failed'
  | 'mine'
  | 'mineTitle'
  | 'edit'
  | 'editLabel'
  | 'delete'
  | 'deleteLabel'
  | 'notMine'
  | 'linkedGuideline'
  | 'personalSource';

export const personalMessages: Catalog<PersonalKey> = {
  'zh-CN': {
    newPhrasing: '＋ 新建话术',
    newPhrasingLabel: '新建我的话术（Alt+N）',
    formNew: '新建我的话术',
    formEdit: '编辑我的话术',
    fieldTitle: '标题',
    fieldText: '话术内容',
    fieldTextHelp: '可用 {客户称呼} 这样的占位符，复制或插入前再填写。',
    fieldTags: '标签',
    fieldTagsHelp: '用逗号或顿号分隔，如：退款，催进度',
    fieldLink: '关联规范（可选）',
    fieldLinkHelp: '输入规范标题后从列表中选择',
    linkResolved: '关联到：{title}',
    save: '保存',
    cancel: '取消',
    formKeys: 'Ctrl+Enter 保存 · Esc 取消',
    required: '{field}不能为空',
    tooLong: '{field}最多 {limit} 个字',
    tooMany: '标签最多 {limit} 个',
    unknownGuideline: '没有找到这条规范：请从列表中选择，或留空',
    formProblems: '无法保存：请修改标出的 {n} 处',
    saved: '已保存到「我的话术」：{title}',
    updated: '已更新「{title}」',
    deleted: '已删除「{title}」',
    undo: '撤销',
    undoLabel: '撤销删除（Alt+Z）',
    restored: '已恢复「{title}」',
    failed: '操作失败：{reason}',
    mine: '我的',
    mineTitle: '我的话术',
    edit: '编辑',
    editLabel: '编辑这条我的话术（F2）',
    delete: '删除',
    deleteLabel: '删除这条我的话术（Alt+Delete）',
    notMine: '只有「我的话术」可以在这里编辑或删除。',
    linkedGuideline: '相关规范：',
    personalSource: '我的话术 · 更新于 {date}',
  },
  en: {
    newPhrasing: '+ New phrasing',
    newPhrasingLabel: 'New phrasing of my own (Alt+N)',
    formNew: 'New phrasing of my own',
    formEdit: 'Edit my phrasing',
    fieldTitle: 'Title',
    fieldText: 'Phrasing',
    fieldTextHelp: 'Placeholders such as {customer} are filled in before copying or inserting.',
    fieldTags: 'Tags',
    fieldTagsHelp: 'Separated by commas, e.g. refund, follow-up',
    fieldLink: 'Guideline (optional)',
    fieldLinkHelp: 'Type a guideline title and pick it from the list',
    linkResolved: 'Linked to: {title}',
    save: 'Save',
    cancel: 'Cancel',
    formKeys: 'Ctrl+Enter saves · Esc cancels',
    required: '{field} must not be empty',
    tooLong: '{field}: at most {limit} characters',
    tooMany: 'At most {limit} tags',
    unknownGuideline: 'No such guideline: pick one from the list, or leave it empty',
    formProblems: 'Not saved: fix the {n} marked fields',
    saved: 'Saved to my phrasings: {title}',
    updated: 'Updated “{title}”',
    deleted: 'Deleted “{title}”',
    undo: 'Undo',
    undoLabel: 'Undo the delete (Alt+Z)',
    restored: 'Restored “{title}”',
    failed: 'That did not work: {reason}',
    mine: 'Mine',
    mineTitle: 'My phrasing',
    edit: 'Edit',
    editLabel: 'Edit this phrasing of mine (F2)',
    delete: 'Delete',
    deleteLabel: 'Delete this phrasing of mine (Alt+Delete)',
    notMine: 'Only your own phrasings can be edited or deleted here.',
    linkedGuideline: 'Guideline: ',
    personalSource: 'My phrasings · updated {date}',
  },
};

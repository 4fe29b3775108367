/** Strings of the side panel. */
import type { Catalog } from '../../utils/i18n';

export type PanelKey = Key;
type Key =
  | 'pageHeading'
  | 'searchLabel'
  | 'searchPlaceholder'
  | 'resultsLabel'
  | 'filterLabel'
  | 'filterAll'
  | 'favorites'
  | 'recents'
  | 'emptyHint'
  | 'noResults'
  | 'noResultsHint'
  | 'nearestOnly'
  | 'nearMatches'
  | 'searchedBy'
  | 'resultCount'
  | 'copied'
  | 'copyFailed'
  | 'inserted'
  | 'insertNoEditable'
  | 'insertNoAccess'
  | 'insertCrossOrigin'
  | 'insertReadOnly'
  | 'insertNoTab'
  | 'insertRejected'
  | 'insertSelection'
  | 'andCopied'
  | 'nothingToCopy'
  | 'noPhrasingN'
  | 'star'
  | 'unstar'
  | 'fieldsTitle'
  | 'fieldsHelp'
  | 'fieldsDone'
  | 'fieldsCancel'
  | 'errataConfirmTitle'
  | 'errataCopyAnyway'
  | 'errataInsertAnyway'
  | 'errataCancelled'
  | 'actionFailed'
  | 'suggested'
  | 'suggestEnable'
  | 'suggestEnableHelp'
  | 'suggestDenied'
  | 'suggestNone'
  | 'keysHelp'
  | 'keysHelpPopup'
  | 'loading'
  | 'loadingKnowledge'
  | 'loadFailed';

export const panelMessages: Catalog<Key> = {
  'zh-CN': {
    pageHeading: '坐席教练',
    searchLabel: '搜索处理规范和话术',
    searchPlaceholder: '输入关键词、拼音或首字母，如 tuikuan / tk',
    resultsLabel: '搜索结果',
    filterLabel: '按类型筛选',
    filterAll: '全部',
    favorites: '收藏',
    recents: '最近使用',
    emptyHint: '输入关键词开始搜索。点击条目旁的 ☆ 可收藏常用条目。',
    noResults: '没有找到“{query}”的相关条目。',
    noResultsHint: '试试拼音首字母（如 tk 表示“退款”）、换个说法，或减少关键词。',
    nearestOnly: '没有与“{query}”相符的条目。下面几条只是相近结果，未必适用。',
    nearMatches: '相近结果',
    searchedBy: '按“{words}”搜索',
    resultCount: '{n} 条结果',
    copied: '已复制到剪贴板',
    copyFailed: '无法写入剪贴板，请手动选择文本复制。',
    inserted: '已插入到工单回复框的光标处',
    insertNoEditable: '页面上没有处于焦点的输入框：请先点击工单回复框，再插入。',
    insertNoAccess: '无法访问此页面：请在工单页面上按快捷键打开侧边栏后再插入。',
    insertCrossOrigin: '回复框位于其他域名的框架中，无法直接插入。',
    insertReadOnly: '当前输入框是只读的，无法插入。',
    insertNoTab: '没有找到工单页面。',
    insertRejected: '回复框的编辑器没有接受插入的文字。',
    insertSelection: '回复框里有选中的文字，为免替换它，没有插入：请先在回复框中点一下插入位置。',
    andCopied: '文本已复制，可直接粘贴（Ctrl+V）。',
    nothingToCopy: '此条目没有可复制的话术。',
    noPhrasingN: '此条目没有第 {n} 条话术。',
    star: '收藏',
    unstar: '取消收藏',
    fieldsTitle: '填写话术中的占位内容',
    fieldsHelp: 'Tab 切换，Enter 完成，Esc 取消',
    fieldsDone: '完成',
    fieldsCancel: '取消',
    errataConfirmTitle: '此条目有勘误，这句话术可能不该对客户说：',
    errataCopyAnyway: '仍要复制',
    errataInsertAnyway: '仍要插入',
    errataCancelled: '已取消，未复制也未插入。',
    actionFailed: '操作没有完成：{message}',
    suggested: '为此工单推荐',
    suggestEnable: '在 {origin} 启用工单推荐',
    suggestEnableHelp: '读取当前工单的标题和最新客户留言，只在本机搜索，不会上传。',
    suggestDenied: '未获得此网站的访问权限。',
    suggestNone: '没有与此工单匹配的条目。',
    keysHelp: '↑↓ 选择 · Enter 复制 · Ctrl+Enter 插入 · Alt+1…9 选话术 · Esc 清空/关闭',
    keysHelpPopup: '↑↓ 选择 · Enter 复制 · Ctrl+Enter 插入 · Shift+Enter 在侧边栏中查看 · Esc 清空/关闭',
    loading: '正在加载…',
    loadingKnowledge: '正在载入知识库，载入后立即显示结果…',
    loadFailed: '知识库载入失败，请关闭后重新打开侧边栏。',
  },
  en: {
    pageHeading: 'Agent Coach',
    searchLabel: 'Search guidelines and phrasings',
    searchPlaceholder: 'Keywords, pinyin or initials, e.g. tuikuan / tk',
    resultsLabel: 'Results',
    filterLabel: 'Filter by type',
    filterAll: 'All',
    favorites: 'Favorites',
    recents: 'Recent',
    emptyHint: 'Type to search. Star (☆) entries you use often.',
    noResults: 'Nothing found for “{query}”.',
    noResultsHint: 'Try pinyin initials (tk for 退款), other words, or fewer words.',
    nearestOnly: 'Nothing matches “{query}”. Below are a few near matches, which may not apply.',
    nearMatches: 'Near matches',
    searchedBy: 'Searched by “{words}”',
    resultCount: '{n} results',
    copied: 'Copied to the clipboard',
    copyFailed: 'Could not write to the clipboard; select the text and copy it by hand.',
    inserted: 'Inserted at the cursor of the ticket reply',
    insertNoEditable: 'No text box has focus on the page: click into the ticket reply first.',
    insertNoAccess: 'No access to this page: open the panel with the shortcut on the ticket page, then insert.',
    insertCrossOrigin: 'The reply box is inside a frame from another site; it cannot be filled directly.',
    insertReadOnly: 'The focused text box is read-only.',
    insertNoTab: 'No ticket page found.',
    insertRejected: 'The reply editor did not accept the inserted text.',
    insertSelection:
      'Text is selected in the reply; to keep it, nothing was inserted: click where the text should go first.',
    andCopied: 'The text is on the clipboard: paste it with Ctrl+V.',
    nothingToCopy: 'This entry has no phrasing to copy.',
    noPhrasingN: 'This entry has no phrasing {n}.',
    star: 'Add to favorites',
    unstar: 'Remove from favorites',
    fieldsTitle: 'Fill in the phrasing',
    fieldsHelp: 'Tab moves, Enter finishes, Esc cancels',
    fieldsDone: 'Done',
    fieldsCancel: 'Cancel',
    errataConfirmTitle: 'This entry has an erratum; the phrasing may not be fit to send to a customer:',
    errataCopyAnyway: 'Copy anyway',
    errataInsertAnyway: 'Insert anyway',
    errataCancelled: 'Cancelled; nothing was copied or inserted.',
    actionFailed: 'This did not complete: {message}',
    suggested: 'Suggested for this ticket',
    suggestEnable: 'Enable ticket suggestions on {origin}',
    suggestEnableHelp: 'Reads the ticket subject and latest customer message; searched on this machine only.',
    suggestDenied: 'Access to this site was not granted.',
    suggestNone: 'No entry matches this ticket.',
    keysHelp: '↑↓ select · Enter copy · Ctrl+Enter insert · Alt+1…9 phrasing · Esc clear/close',
    keysHelpPopup: '↑↓ select · Enter copy · Ctrl+Enter insert · Shift+Enter open in the sidebar · Esc clear/close',
    loading: 'Loading…',
    loadingKnowledge: 'Loading the knowledge base; results follow as soon as it is ready…',
    loadFailed: 'The knowledge base failed to load; close and reopen the panel.',
  },
};

/** Options page strings of 「我的话术」 and the browser sync (apart from the page's main catalog). */
import type { Catalog } from '../../utils/i18n';

export type PersonalSyncKey =
  | 'myHeading'
  | 'myHelp'
  | 'myCount'
  | 'myExportJson'
  | 'myExportCsv'
  | 'myImport'
  | 'myImportHelp'
  | 'myImported'
  | 'mySkippedKind'
  | 'mySkippedLong'
  | 'syncHeading'
  | 'syncHelp'
  | 'syncEnabled'
  | 'syncNow'
  | 'syncNever'
  | 'syncOk'
  | 'syncPartial'
  | 'syncLeftPhrasings'
  | 'syncLeftCards'
  | 'syncLeftFavorites'
  | 'syncLeftHistory'
  | 'syncLeftOther'
  | 'syncPartialHelp'
  | 'syncOff'
  | 'syncNewer'
  | 'syncError'
  | 'syncUnavailable'
  | 'syncMigrated'
  | 'syncDamaged'
  | 'syncDamagedExport'
  | 'syncDamagedDiscard'
  | 'syncBrowserOff'
  | 'listSeparator';

export const personalSyncMessages: Catalog<PersonalSyncKey> = {
  'zh-CN': {
    myHeading: '我的话术',
    myHelp: '在侧边栏中新建、编辑的个人话术（Alt+N），或在网页上选中文字后右键「保存为我的话术」。',
    myCount: '共 {count} 条。',
    myExportJson: '导出我的话术（JSON）',
    myExportCsv: '导出我的话术（CSV）',
    myImport: '导入到我的话术',
    myImportHelp:
      '选择导出的我的话术或任何知识包文件（JSON / CSV）：其中的话术会加入「我的话术」，同 id 的会更新，不会删除任何话术。',
    myImported: '已导入：新增 {added} 条，更新 {updated} 条，未变 {unchanged} 条。',
    mySkippedKind: '{count} 个条目不是话术，未导入：{ids}',
    mySkippedLong: '{count} 条话术太长，未导入：{ids}',
    syncHeading: '浏览器同步',
    syncHelp:
      '我的话术、收藏、设置，以及每日小测的复习进度、连续天数和历史，通过浏览器自带的同步（Chrome 同步 / Firefox 同步）跟随你登录的浏览器账号，不经过我们的服务器。数据始终先保存在本机。',
    syncEnabled: '在此浏览器上同步',
    syncNow: '立即同步',
    syncNever: '尚未同步。',
    syncOk: '已同步，占用 {kb} KB / 100 KB（{items} 项）。上次同步：{time}',
    syncPartial: '同步空间已满（浏览器限制 100 KB）：{list}只保存在此浏览器，没有丢失。',
    syncLeftPhrasings: '{n} 条我的话术',
    syncLeftCards: '{n} 张复习卡片',
    syncLeftFavorites: '{n} 个收藏',
    syncLeftHistory: '{n} 天的小测历史',
    syncLeftOther: '{n} 项其他数据',
    syncPartialHelp: '优先同步设置、收藏、连续天数和较新的话术；删除不再使用的话术可以腾出空间。',
    syncOff: '此浏览器已关闭同步：数据只保存在本机。',
    syncNewer:
      '同步数据由较新版本的坐席教练（{by}）写入，此版本无法读取。为避免覆盖，此浏览器已暂停同步，本机数据照常使用。请更新扩展。',
    syncError: '同步暂时失败：{error}。稍后会自动重试，本机数据不受影响。',
    syncUnavailable: '此浏览器的同步存储不可用（{error}），数据只保存在本机。',
    syncMigrated: '同步区中的数据来自旧版本（格式 {format}），已转换为当前格式。',
    syncDamaged: '同步区中有 {count} 批无法读取的数据，已单独保存在此浏览器，没有删除。',
    syncDamagedExport: '导出无法读取的数据',
    syncDamagedDiscard: '丢弃',
    syncBrowserOff: '如果浏览器本身没有登录或关闭了扩展程序同步，数据仍照常保存在本机，只是不会出现在其他浏览器中。',
    listSeparator: '、',
  },
  en: {
    myHeading: 'My phrasings',
    myHelp:
      'Phrasings of your own, written in the side panel (Alt+N) or saved from a page (select text, right-click, “Save as my phrasing”).',
    myCount: '{count} in all.',
    myExportJson: 'Export my phrasings (JSON)',
    myExportCsv: 'Export my phrasings (CSV)',
    myImport: 'Import into my phrasings',
    myImportHelp:
      'Choose exported phrasings or any pack file (JSON / CSV): its phrasings are added to yours, the same ids updated; nothing is deleted.',
    myImported: 'Imported: {added} added, {updated} updated, {unchanged} unchanged.',
    mySkippedKind: '{count} entries are not phrasings and were not imported: {ids}',
    mySkippedLong: '{count} phrasings are too long and were not imported: {ids}',
    syncHeading: 'Browser sync',
    syncHelp:
      'Your phrasings, favourites, settings and the daily quiz’s schedule, streak and history follow your browser account through the browser’s own sync (Chrome Sync / Firefox Sync), not through any server of ours. Everything is kept on this computer first.',
    syncEnabled: 'Sync in this browser',
    syncNow: 'Sync now',
    syncNever: 'Not synced yet.',
    syncOk: 'Synced: {kb} KB of 100 KB ({items} items). Last sync: {time}',
    syncPartial:
      'The sync space is full (the browser allows 100 KB): {list} are kept in this browser only — nothing is lost.',
    syncLeftPhrasings: '{n} of my phrasings',
    syncLeftCards: '{n} quiz cards',
    syncLeftFavorites: '{n} favourites',
    syncLeftHistory: '{n} days of quiz history',
    syncLeftOther: '{n} other items',
    syncPartialHelp:
      'Settings, favourites, the streak and the newest phrasings go first; deleting phrasings you no longer use makes room.',
    syncOff: 'Sync is off in this browser: everything stays on this computer.',
    syncNewer:
      'The synced data was written by a newer Agent Coach ({by}) that this version cannot read. To avoid overwriting it, this browser has paused syncing; your data here works as before. Please update the extension.',
    syncError: 'Syncing failed for now: {error}. It is retried later; your data here is not affected.',
    syncUnavailable: 'This browser’s sync storage is not available ({error}): everything stays on this computer.',
    syncMigrated: 'The synced data came from an older version (format {format}) and was converted.',
    syncDamaged: '{count} batches of synced data could not be read; they are kept in this browser, not deleted.',
    syncDamagedExport: 'Export the unreadable data',
    syncDamagedDiscard: 'Discard',
    syncBrowserOff:
      'When the browser itself is not signed in or does not sync extensions, everything is still kept on this computer; it just does not reach your other browsers.',
    listSeparator: ', ',
  },
};

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarlyBox } from '../components/panel/early-box';

// Loaded by sidepanel.html as a classic script right after its early box: it runs while the page is still
// parsing, before the panel's module has loaded.
export default defineUnlistedScript(() => startEarlyBox());

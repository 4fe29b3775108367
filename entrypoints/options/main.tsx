import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { createOptionsApi } from '../../utils/browser/options-api';
import { isoDay } from '../../utils/freshness';

render(<OptionsApp api={createOptionsApi()} today={isoDay()} />, document.getElementById('app') as HTMLElement);

import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { createOptionsApi } from '../../utils/browser/options-api';
import { dayKey } from '../../utils/quiz/day';

render(<OptionsApp api={createOptionsApi()} today={dayKey()} />, document.getElementById('app') as HTMLElement);

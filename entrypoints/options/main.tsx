import { render } from 'preact';

render(<h1>options</h1>, document.getElementById('app') as HTMLElement);

import { render } from 'preact';

render(<h1>popup</h1>, document.getElementById('app') as HTMLElement);

import { render } from 'preact';

render(<h1>sidepanel</h1>, document.getElementById('app') as HTMLElement);

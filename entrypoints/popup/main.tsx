import { render } from 'preact';
render(<p>Indiscrets</p>, document.getElementById('app')!);

import { render } from 'preact';
import { App } from './components/App';
import { start } from './store';

render(<App />, document.getElementById('app')!);
void start();

import { render } from 'preact';
import { App } from './App';
import { createBrowserConnector } from './browser-connector';
import './popup.css';

render(<App connector={createBrowserConnector()} />, document.getElementById('app')!);

import { render } from 'preact';
import { Options } from './Options';
import { readSettings, updateSettings, writeHistory } from '../platform/storage';
import { emptyHistory } from '../core/history';
import './options.css';

const connector = {
  readSettings,
  updateSettings,
  clearHistory: () => writeHistory(emptyHistory()),
};

render(<Options connector={connector} />, document.getElementById('app')!);

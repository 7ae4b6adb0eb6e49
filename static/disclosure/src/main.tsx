import '@atlaskit/css-reset';
import './styles.css';
import { start } from './startup.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
void start(root);

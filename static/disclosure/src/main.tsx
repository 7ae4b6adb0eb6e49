import '@atlaskit/css-reset';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableHostTheme, getHostContext } from './api/index.ts';
import { App } from './App.tsx';
import { LocaleContext, messagesFor } from './i18n/index.ts';
import { installTokenThemes } from './theme/install.ts';

async function start(): Promise<void> {
  const context = await getHostContext();
  installTokenThemes(context.colorMode);
  document.documentElement.lang = context.locale;
  void enableHostTheme();
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <LocaleContext.Provider value={{ locale: context.locale, t: messagesFor(context.locale) }}>
        <App host={context} />
      </LocaleContext.Provider>
    </StrictMode>,
  );
}

void start();

import '@atlaskit/css-reset';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableHostTheme, getHostContext } from './api/index.ts';
import { App } from './App.tsx';
import { LocaleContext, loadTranslator, messagesFor, TranslatorContext } from './i18n/index.ts';
import { installTokenThemes } from './theme/install.ts';

async function start(): Promise<void> {
  const context = await getHostContext();
  installTokenThemes(context.colorMode);
  void enableHostTheme();
  // The page is rendered once its strings are there, so it never shows English first.
  const translator = await loadTranslator(context.locale);
  // One language for the page: the catalogue's, which dates and numbers follow too.
  const locale = translator.locale;
  document.documentElement.lang = locale;
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <TranslatorContext.Provider value={translator}>
        <LocaleContext.Provider value={{ locale, t: messagesFor(locale) }}>
          <App host={context} />
        </LocaleContext.Provider>
      </TranslatorContext.Provider>
    </StrictMode>,
  );
}

void start();

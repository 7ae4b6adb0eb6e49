import '@atlaskit/css-reset';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableHostTheme, getHostContext } from './api/index.ts';
import { App } from './App.tsx';
import { loadTranslator, TranslatorContext } from './i18n/index.ts';
import { installTokenThemes } from './theme/install.ts';

async function start(): Promise<void> {
  const context = await getHostContext();
  const themed = installTokenThemes(context.colorMode);
  void enableHostTheme();
  // The page is rendered once its strings and its colour theme are there, so it never shows
  // English first or paints without its colours; both load at the same time.
  const [translator] = await Promise.all([loadTranslator(context.locale), themed]);
  // One language for the page: the catalogue's, which dates and numbers follow too.
  document.documentElement.lang = translator.locale;
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <TranslatorContext.Provider value={translator}>
        <App host={context} />
      </TranslatorContext.Provider>
    </StrictMode>,
  );
}

void start();

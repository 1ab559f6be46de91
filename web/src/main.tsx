import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans-devanagari/400.css';
import '@fontsource/noto-sans-devanagari/600.css';
import './styles.css';
import { initI18n, storedLocale } from './i18n/index.js';
import { RouterProvider } from './router/router.js';
import { SessionProvider } from './session/session.js';
import { App } from './App.js';

async function start(): Promise<void> {
  await initI18n(storedLocale());
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <RouterProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </RouterProvider>
    </StrictMode>,
  );
}

start().catch((err: unknown) => {
  // Without the app there is no translated message to show; the console keeps the cause.
  console.error('Chhavi could not start', err);
});

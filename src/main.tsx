import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './view/fonts.css';
import './view/styles.css';
import { App } from './app/App';
import { initI18n } from './app/i18n';
import { registerPwa } from './app/pwa';
import { AppBoundary } from './view/errors/AppBoundary';

initI18n();
// Once, before any route renders: a deep link to a map gets the offline shell too, and the
// shell's update prompt (App) follows the registration from the start.
void registerPwa();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Even a failure outside every panel shows a message, never a blank page. */}
    <AppBoundary>
      <App />
    </AppBoundary>
  </StrictMode>,
);

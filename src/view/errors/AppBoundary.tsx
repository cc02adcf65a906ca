/**
 * The last line of defence around the whole app: a failure outside every panel (the routes,
 * the shell itself) shows a message with a reload button instead of a blank page. The text
 * has English fallbacks because translation may be what failed.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FaultPoint } from './faultInjection';
import './errors.css';

export class AppBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('itinera: the app failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed) return <AppError />;
    return (
      <>
        <FaultPoint name="app" />
        {this.props.children}
      </>
    );
  }
}

function AppError() {
  const { t } = useTranslation('errors');
  return (
    <main className="page-message app-error">
      <div role="alert">
        <h1>{t('app.title', 'Itinera stopped working')}</h1>
        <p>
          {t(
            'app.hint',
            'Your maps are kept in this browser. Reload the page to carry on; the error was logged.',
          )}
        </p>
      </div>
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        {t('app.reload', 'Reload Itinera')}
      </button>
    </main>
  );
}

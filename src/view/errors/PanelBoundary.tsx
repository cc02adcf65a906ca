/**
 * One error boundary per panel (canvas, inspector, strategy, share, export, library): a render
 * failure shows a message with "Reload this panel" in place of that panel only, so the rest of
 * the editor keeps working, and logs the panel's name with the error. Reloading remounts the
 * panel from scratch (a new key), dropping whatever state broke it.
 */
import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { FaultPoint, type PanelName } from './faultInjection';
import { PanelError } from './PanelError';
import './errors.css';

interface Props {
  readonly panel: PanelName;
  /** Class of the message's box, so it takes the panel's place in the layout. */
  readonly className?: string;
  /** A one-line message for a panel that lives in the header (share, export). */
  readonly compact?: boolean;
  readonly children: ReactNode;
}

interface State {
  readonly failed: boolean;
  /** Bumped by "Reload this panel": the children's key, so they mount afresh. */
  readonly generation: number;
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { failed: false, generation: 0 };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The one report of a panel failure (the app has no error service yet): the panel's name
    // first, so a log or a bug report says which part of the page broke.
    console.error(`itinera: the ${this.props.panel} panel failed`, error, info.componentStack);
  }

  private reload = () => this.setState((s) => ({ failed: false, generation: s.generation + 1 }));

  override render(): ReactNode {
    const { panel, className, compact, children } = this.props;
    if (this.state.failed) {
      return (
        <PanelError panel={panel} className={className} compact={compact} onReload={this.reload} />
      );
    }
    return (
      <Fragment key={this.state.generation}>
        <FaultPoint name={panel} />
        {children}
      </Fragment>
    );
  }
}

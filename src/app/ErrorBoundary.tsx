/** Keeps one failing part (map, timeline, panel) from blanking the page; offers a retry. */
import { Component, type ReactNode } from 'react';

interface Props {
  /** Name of the part, for the message and for tests. */
  part: string;
  message: string;
  retryLabel: string;
  children: ReactNode;
  /** Told when the part fails. */
  onError?: () => void;
}
interface State {
  error: Error | null;
  attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.warn(`[${this.props.part}]`, error);
    this.props.onError?.();
  }

  override render(): ReactNode {
    if (this.state.error)
      return (
        <div className="part-error" role="alert" data-testid={`error-${this.props.part}`}>
          <p>{this.props.message}</p>
          <button
            type="button"
            className="text-button"
            onClick={() => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }))}
          >
            {this.props.retryLabel}
          </button>
        </div>
      );
    return (
      <div key={this.state.attempt} className="part" data-part={this.props.part}>
        {this.props.children}
      </div>
    );
  }
}

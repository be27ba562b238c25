import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { ZStackError } from '../../api/errors';
import { useT } from '../../i18n/react';

// The full error box loads with the first failed login (or the first keystroke: LoginForm preloads it),
// not with the first page; the login page's JS budget is spent on what it paints.
const loadAlert = () => import('../../components/ZStackErrorAlert');
const ZStackErrorAlert = lazy(() => loadAlert().then((m) => ({ default: m.ZStackErrorAlert })));

export const preloadLoginError = (): void => void loadAlert().catch(() => undefined);

/** Code, description and details as plain text: while the error box loads, or if it cannot be loaded. */
function PlainError({ error }: { error: ZStackError }) {
  const t = useT();
  const description = error.text?.description
    ? t(error.text.description.key, error.text.description.values)
    : error.description;
  const details = error.text?.details ? t(error.text.details.key, error.text.details.values) : error.details;
  return (
    <div
      role="alert"
      style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}
    >
      <div>{error.code}</div>
      {description ? <div>{description}</div> : null}
      {details ? <div>{details}</div> : null}
    </div>
  );
}

class Fallback extends Component<{ error: ZStackError; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <PlainError error={this.props.error} /> : this.props.children;
  }
}

/** A failed login's ZStack error, inline under the button, with `children` (a hint) inside the box. */
export function LoginError({
  error,
  action,
  children,
}: {
  error: ZStackError;
  action: string;
  children?: ReactNode;
}) {
  return (
    <Fallback error={error}>
      <Suspense fallback={<PlainError error={error} />}>
        <ZStackErrorAlert error={error} action={action}>
          {children}
        </ZStackErrorAlert>
      </Suspense>
    </Fallback>
  );
}

import { createContext, useContext, type ReactNode } from 'react';
import type { ZStackError } from '../../api/errors';

/**
 * What an inline error (ZStackErrorAlert) shows to reach its call in the API log: a link behind the
 * login, where the shell provides it (src/features/api-log/ApiLogLink.tsx); nothing on the login page, which has no log panel.
 * A context, so that the first page's bundle holds none of the log's code.
 */
export const ApiLogLinkContext = createContext<((error: ZStackError) => ReactNode) | null>(null);

export function useApiLogLink(error: ZStackError): ReactNode {
  return useContext(ApiLogLinkContext)?.(error) ?? null;
}

import type { Resolver } from 'react-hook-form';
import type * as LoginActionsModule from './loginActions';
import type { LoginValues } from './loginSchema';

type LoginActions = typeof LoginActionsModule;

let loading: Promise<LoginActions> | undefined;

/** Loads the login chunk once; a failed load is tried again on the next call. */
export function loadLoginActions(): Promise<LoginActions> {
  loading ??= import('./loginActions').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

/**
 * The form's zod resolver, from the login chunk. If that chunk cannot be loaded the values pass here and
 * the submission itself reports the failure (it needs the same chunk), instead of a silent form.
 */
export const lazyLoginResolver: Resolver<LoginValues> = async (values, context, options) => {
  let actions: LoginActions;
  try {
    actions = await loadLoginActions();
  } catch {
    return { values, errors: {} };
  }
  return actions.loginResolver(values, context, options);
};

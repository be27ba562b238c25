import type { Resolver } from 'react-hook-form';
import type * as LoginActionsModule from './loginActions';
import type { LoginValues } from './loginSchema';
import { requirePart } from '../../i18n/i18n';

type LoginActions = typeof LoginActionsModule;

let loading: Promise<LoginActions> | undefined;

/**
 * Loads the login chunk once, with the app part of the catalogue (what a submission can show: field
 * errors, ZStack's errors, the project step; the page after the login needs it too). A failed load is
 * tried again on the next call.
 */
export function loadLoginActions(): Promise<LoginActions> {
  loading ??= Promise.all([import('./loginActions'), requirePart('app')]).then(
    ([actions]) => actions,
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
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

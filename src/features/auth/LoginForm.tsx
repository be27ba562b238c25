import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Button, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { asZStackError, type ZStackError } from '../../api/errors';
import type { AccountLogin, VirtualIdLogin } from '../../session/api';
import { lazyLoginResolver, loadLoginActions } from './lazyLoginActions';
import { LoginError, preloadLoginError } from './LoginError';
import type { LoginValues } from './loginSchema';
import { isPlatformAdmin } from './platformAdmin';
import type { ProjectStep } from './ProjectStep';
import type { MessageKey } from '../../i18n/keys';
import { useT, type Translate } from '../../i18n/react';

export interface LoginFormProps {
  /** Prefill (the re-login dialog starts from the identity that was logged in). */
  defaults?: Partial<LoginValues>;
  onLoggedIn: (login: AccountLogin) => void;
  submitLabel?: string;
  /** Called when the admin starts typing or submits: the moment to fetch what comes after the login. */
  prefetch?: () => void;
}

/** After "wrong name or password": the name may be right for the other kind of login. */
function otherKindHint(t: Translate, { kind, name }: { kind: LoginValues['kind']; name: string }): string {
  return kind === 'account' ? t('login.hint.virtualId', { name }) : t('login.hint.account', { name });
}

/** A field's error: the schema's messages are catalogue keys (loginSchema.ts). */
const fieldError = (t: Translate, message: string | undefined) =>
  message ? t(message as MessageKey) : undefined;

/**
 * Log in as a ZStack account, or as an IAM2 virtual ID and then into one of its projects. Errors show
 * ZStack's code, description and details inline; what was typed stays.
 */
export function LoginForm({ defaults, onLoggedIn, submitLabel, prefetch }: LoginFormProps) {
  const t = useT();
  const [error, setError] = useState<ZStackError>();
  // What the failed attempt was (the hint after "wrong name or password" names the other kind of login).
  const [tried, setTried] = useState<{ kind: LoginValues['kind']; name: string }>();
  // After a virtual ID login with a project to choose: that login and the step that asks for the project.
  const [pending, setPending] = useState<{ login: VirtualIdLogin; ProjectStep: typeof ProjectStep }>();
  const form = useForm<LoginValues>({
    resolver: lazyLoginResolver,
    defaultValues: { kind: 'account', name: '', password: '', ...defaults },
  });
  const { register, handleSubmit, control, formState, setFocus } = form;
  // Typing is the moment to fetch what submitting needs (validation and the login calls) and what the
  // login leads to; a submission without typing (values filled in) fetches them too.
  const onIntent = () => {
    void loadLoginActions().catch(() => undefined);
    preloadLoginError();
    prefetch?.();
  };

  const submit = handleSubmit(async ({ kind, name, password }) => {
    setError(undefined);
    setTried({ kind, name: name.trim() });
    try {
      const { endServerSessions, logInByAccount, loginIAM2Project, loginIAM2VirtualID } =
        await loadLoginActions();
      if (kind === 'account') {
        onLoggedIn(await logInByAccount(name, password));
        return;
      }
      // The project step (its own chunk: only virtual IDs need it) loads while the login runs.
      const projectStep = import('./ProjectStep');
      projectStep.catch(() => undefined);
      const first = await loginIAM2VirtualID(name, password);
      if (first.projects.length === 1 && !isPlatformAdmin(first)) {
        try {
          onLoggedIn(await loginIAM2Project(first, first.projects[0]!));
        } catch (e) {
          // back to the credentials: the virtual ID's own session has no more use
          void endServerSessions([first.session.uuid]);
          throw e;
        }
        return;
      }
      setPending({ login: first, ProjectStep: (await projectStep).ProjectStep });
    } catch (e) {
      setError(asZStackError(e));
      // keep the name; select the password so retyping replaces it
      setFocus('password', { shouldSelect: true });
    }
  });

  if (pending) {
    return (
      <pending.ProjectStep
        login={pending.login}
        onLoggedIn={onLoggedIn}
        onBack={() => setPending(undefined)}
      />
    );
  }

  return (
    <form
      onSubmit={(event) => {
        onIntent();
        void submit(event);
      }}
      onInput={onIntent}
      noValidate
      aria-label={t('login.form')}
    >
      <Stack gap="md">
        <div>
          <Text size="sm" fw={500} mb={4} id="login-kind-label">
            {t('login.kind')}
          </Text>
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <SegmentedControl
                fullWidth
                aria-labelledby="login-kind-label"
                value={field.value}
                onChange={(v) => field.onChange(v as LoginValues['kind'])}
                data={[
                  { value: 'account', label: t('login.kind.account') },
                  { value: 'virtualId', label: t('login.kind.virtualId') },
                ]}
              />
            )}
          />
        </div>
        <TextInput
          label={t('login.name')}
          autoComplete="username"
          autoFocus={!defaults?.name}
          error={fieldError(t, formState.errors.name?.message)}
          {...register('name')}
        />
        <PasswordInput
          label={t('login.password')}
          visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
          autoComplete="current-password"
          autoFocus={!!defaults?.name}
          // in the re-login dialog the name is known: the focus starts on the password
          data-autofocus={defaults?.name ? true : undefined}
          error={fieldError(t, formState.errors.password?.message)}
          {...register('password')}
        />
        {/* the error comes below the button, so that the button stays where it was */}
        <Button type="submit" loading={formState.isSubmitting} fullWidth>
          {submitLabel ?? t('login.submit')}
        </Button>
        {error ? (
          <LoginError error={error} action={t('login.action')}>
            {error.code === 'ID.1000' && tried ? <Text size="sm">{otherKindHint(t, tried)}</Text> : null}
          </LoginError>
        ) : null}
      </Stack>
    </form>
  );
}

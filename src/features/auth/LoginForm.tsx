import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Button, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { asZStackError, type ZStackError } from '../../api/errors';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import type { AccountLogin, VirtualIdLogin } from '../../session/api';
import { lazyLoginResolver, loadLoginActions } from './lazyLoginActions';
import type { LoginValues } from './loginSchema';
import { isPlatformAdmin } from './platformAdmin';
import type { ProjectStep } from './ProjectStep';

export interface LoginFormProps {
  /** Prefill (the re-login dialog starts from the identity that was logged in). */
  defaults?: Partial<LoginValues>;
  onLoggedIn: (login: AccountLogin) => void;
  submitLabel?: string;
  /** Called when the admin starts typing or submits: the moment to fetch what comes after the login. */
  prefetch?: () => void;
}

/**
 * Log in as a ZStack account, or as an IAM2 virtual ID and then into one of its projects. Errors show
 * ZStack's code, description and details inline; what was typed stays.
 */
export function LoginForm({ defaults, onLoggedIn, submitLabel = 'Log in', prefetch }: LoginFormProps) {
  const [error, setError] = useState<ZStackError>();
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
    prefetch?.();
  };

  const submit = handleSubmit(async ({ kind, name, password }) => {
    setError(undefined);
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
      aria-label="Log in"
    >
      <Stack gap="md">
        <div>
          <Text size="sm" fw={500} mb={4} id="login-kind-label">
            Log in as
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
                  { value: 'account', label: 'Account' },
                  { value: 'virtualId', label: 'Virtual ID' },
                ]}
              />
            )}
          />
        </div>
        <TextInput
          label="Name"
          autoComplete="username"
          autoFocus={!defaults?.name}
          error={formState.errors.name?.message}
          {...register('name')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          autoFocus={!!defaults?.name}
          error={formState.errors.password?.message}
          {...register('password')}
        />
        {error ? <ZStackErrorAlert error={error} action="log in" /> : null}
        <Button type="submit" loading={formState.isSubmitting} fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

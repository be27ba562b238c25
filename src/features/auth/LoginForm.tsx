import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { asZStackError, type ZStackError } from '../../api/errors';
import type { Project } from '../../api/schemas';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import {
  logInByAccount,
  loginIAM2Project,
  loginIAM2VirtualID,
  type AccountLogin,
  type VirtualIdLogin,
} from '../../session/api';
import { loginSchema, type LoginValues } from './loginSchema';

export interface LoginFormProps {
  /** Prefill (the re-login dialog starts from the identity that was logged in). */
  defaults?: Partial<LoginValues>;
  onLoggedIn: (login: AccountLogin) => void;
  submitLabel?: string;
}

/**
 * Log in as a ZStack account, or as an IAM2 virtual ID and then into one of its projects. Errors show
 * ZStack's code, description and details inline; what was typed stays.
 */
export function LoginForm({ defaults, onLoggedIn, submitLabel = 'Log in' }: LoginFormProps) {
  const [error, setError] = useState<ZStackError>();
  const [pendingVirtualId, setPendingVirtualId] = useState<VirtualIdLogin>();
  const form = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { kind: 'account', name: '', password: '', ...defaults },
  });
  const { register, handleSubmit, control, formState, setFocus } = form;

  const onSubmit = handleSubmit(async ({ kind, name, password }) => {
    setError(undefined);
    try {
      if (kind === 'account') {
        onLoggedIn(await logInByAccount(name, password));
        return;
      }
      const first = await loginIAM2VirtualID(name, password);
      if (first.projects.length === 1 && !isPlatformAdmin(first)) {
        onLoggedIn(await loginIAM2Project(first, first.projects[0]!));
        return;
      }
      setPendingVirtualId(first);
    } catch (e) {
      setError(asZStackError(e));
      // keep the name; select the password so retyping replaces it
      setFocus('password', { shouldSelect: true });
    }
  });

  if (pendingVirtualId) {
    return (
      <ProjectStep
        login={pendingVirtualId}
        onLoggedIn={onLoggedIn}
        onBack={() => setPendingVirtualId(undefined)}
      />
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Log in">
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

function isPlatformAdmin(login: VirtualIdLogin): boolean {
  return login.identity.attributes?.some((a) => a.name === '__PlatformAdmin__') ?? false;
}

interface ProjectStepProps {
  login: VirtualIdLogin;
  onLoggedIn: (login: AccountLogin) => void;
  onBack: () => void;
}

function ProjectStep({ login, onLoggedIn, onBack }: ProjectStepProps) {
  const [projectUuid, setProjectUuid] = useState(login.projects[0]?.uuid ?? '');
  const [error, setError] = useState<ZStackError>();
  const [busy, setBusy] = useState(false);
  const platformAdmin = isPlatformAdmin(login);

  const enter = async (project: Project | undefined) => {
    setBusy(true);
    setError(undefined);
    try {
      onLoggedIn(
        project
          ? await loginIAM2Project(login, project)
          : { session: login.session, identity: login.identity },
      );
    } catch (e) {
      setError(asZStackError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        Logged in as virtual ID <b>{login.identity.name}</b>. Choose the project to work in.
      </Text>
      {login.projects.length > 0 ? (
        <Radio.Group label="Project" value={projectUuid} onChange={setProjectUuid}>
          <Stack gap={6} mt={6}>
            {login.projects.map((p) => (
              <Radio key={p.uuid} value={p.uuid} label={p.name} description={p.description ?? undefined} />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        <Text size="sm" c="dimmed">
          This virtual ID belongs to no project.
        </Text>
      )}
      {error ? <ZStackErrorAlert error={error} action="log in to the project" /> : null}
      <Group justify="space-between">
        <Button variant="subtle" onClick={onBack} disabled={busy}>
          Back
        </Button>
        <Group gap="xs">
          {platformAdmin || login.projects.length === 0 ? (
            <Button variant="default" onClick={() => void enter(undefined)} disabled={busy}>
              Continue without a project
            </Button>
          ) : null}
          {login.projects.length > 0 ? (
            <Button
              onClick={() => void enter(login.projects.find((p) => p.uuid === projectUuid))}
              loading={busy}
              disabled={!projectUuid}
            >
              Continue
            </Button>
          ) : null}
        </Group>
      </Group>
    </Stack>
  );
}

import { useState } from 'react';
import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { asZStackError, type ZStackError } from '../../api/errors';
import type { Project } from '../../api/schemas';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import {
  endServerSessions,
  loginIAM2Project,
  type AccountLogin,
  type VirtualIdLogin,
} from '../../session/api';
import { isPlatformAdmin } from './platformAdmin';
// its own chunk (only virtual IDs choose a project): the Radio styles come with it
import '@mantine/core/styles/Radio.css';

export interface ProjectStepProps {
  login: VirtualIdLogin;
  onLoggedIn: (login: AccountLogin) => void;
  onBack: () => void;
}

export function ProjectStep({ login, onLoggedIn, onBack }: ProjectStepProps) {
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
        <Button
          variant="subtle"
          onClick={() => {
            // back to the credentials: the virtual ID's own session has no more use
            void endServerSessions([login.session.uuid]);
            onBack();
          }}
          disabled={busy}
        >
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

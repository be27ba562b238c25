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
import { useT } from '../../i18n/react';
// its own chunk (only virtual IDs choose a project): the Radio styles come with it
import '@mantine/core/styles/Radio.css';

export interface ProjectStepProps {
  login: VirtualIdLogin;
  onLoggedIn: (login: AccountLogin) => void;
  onBack: () => void;
}

/** `text` with its first `part` in bold (a name inside a sentence of the catalogue). */
function Bold({ text, part }: { text: string; part: string }) {
  const at = part ? text.indexOf(part) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <b>{part}</b>
      {text.slice(at + part.length)}
    </>
  );
}

export function ProjectStep({ login, onLoggedIn, onBack }: ProjectStepProps) {
  const t = useT();
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
        <Bold text={t('login.project.loggedIn', { name: login.identity.name })} part={login.identity.name} />
      </Text>
      {login.projects.length > 0 ? (
        <Radio.Group label={t('login.project.label')} value={projectUuid} onChange={setProjectUuid}>
          <Stack gap={6} mt={6}>
            {login.projects.map((p) => (
              <Radio key={p.uuid} value={p.uuid} label={p.name} description={p.description ?? undefined} />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('login.project.none')}
        </Text>
      )}
      {error ? <ZStackErrorAlert error={error} action={t('login.project.action')} /> : null}
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
          {t('login.project.back')}
        </Button>
        <Group gap="xs">
          {platformAdmin || login.projects.length === 0 ? (
            <Button variant="default" onClick={() => void enter(undefined)} disabled={busy}>
              {t('login.project.withoutProject')}
            </Button>
          ) : null}
          {login.projects.length > 0 ? (
            <Button
              onClick={() => void enter(login.projects.find((p) => p.uuid === projectUuid))}
              loading={busy}
              disabled={!projectUuid}
            >
              {t('login.project.continue')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Stack>
  );
}

import type { ReactNode } from 'react';
import { Anchor, EmptyState } from '@mantine/core';
import { Link } from 'react-router';
import { Msg } from '../../i18n/Msg';
import '@mantine/core/styles/EmptyState.css';

export interface NotFoundProps {
  title: string;
  /** The region's accessible name (the title by default). */
  label?: string;
  text: ReactNode;
  /** Where to go from here. */
  link?: { to: string; label: string };
  /** Heading level: 2 for a whole page, 3 inside a page (default). */
  order?: 2 | 3;
}

/**
 * The one "not found" of the console: a page that does not exist, and a container (server group, virtual
 * ID group) ZStack does not show to this identity: an unknown uuid is an empty list, never a 404.
 */
export function NotFound({ title, label, text, link, order = 3 }: NotFoundProps) {
  return (
    <EmptyState
      align="left"
      size="sm"
      p="lg"
      maw={720}
      bd="1px dashed var(--mantine-color-default-border)"
      bdrs="md"
      role="region"
      aria-label={label ?? title}
      title={<EmptyState.Title order={order}>{title}</EmptyState.Title>}
    >
      <EmptyState.Description style={{ overflowWrap: 'anywhere' }}>{text}</EmptyState.Description>
      {link ? (
        <EmptyState.Actions>
          <Anchor component={Link} to={link.to}>
            {link.label}
          </Anchor>
        </EmptyState.Actions>
      ) : null}
    </EmptyState>
  );
}

/** The text of a container that ZStack does not show, the same for every kind (in the active language). */
export function notShownText(noun: string, uuid: string): ReactNode {
  return <Msg id="workbench.notShown" values={{ what: noun, uuid }} />;
}

import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';
import classes from './MembersTable.module.css';

/**
 * A table cell's text: one line each, a long value cut with an ellipsis (the whole value in its tooltip
 * and its accessible name), so that a long VM name never makes a row six lines high.
 */
export function CellText({
  primary,
  secondary,
  after,
}: {
  primary: string;
  secondary?: string;
  after?: ReactNode;
}) {
  return (
    <>
      <Group gap={6} wrap="nowrap" miw={0}>
        <Text size="sm" fw={500} className={classes.oneLine} title={primary}>
          {primary}
        </Text>
        {after}
      </Group>
      {secondary ? (
        <Text size="xs" c="dimmed" className={classes.oneLine} title={secondary}>
          {secondary}
        </Text>
      ) : null}
    </>
  );
}

import { Group, Stack, Text, Title } from '@mantine/core';
import type { FieldArrayWithId, UseFormRegister } from 'react-hook-form';
import type { StagedForm, StagedRow } from './schema';
import { SetAllWeights } from './SetAllWeights';
import { formatShare, shareOf, sumWeights } from './shares';
import { StagedRowView } from './StagedRowView';
import classes from './rows.module.css';

export interface StagedRowsProps {
  fields: FieldArrayWithId<StagedForm, 'rows', 'id'>[];
  /** Current values (weights as typed). */
  rows: readonly StagedRow[];
  labels: readonly string[];
  messages: readonly (string | undefined)[];
  /** Sum of weights after the change: current backends plus the staged rows. */
  total: number;
  currentTotal: number;
  register: UseFormRegister<StagedForm>;
  onRemove: (index: number) => void;
  onSetAll: (weight: string) => void;
  readOnly: boolean;
}

/** The staged backends with their weights and the traffic split the change would make. */
export function StagedRows({
  fields,
  rows,
  labels,
  messages,
  total,
  currentTotal,
  register,
  onRemove,
  onSetAll,
  readOnly,
}: StagedRowsProps) {
  const stagedTotal = sumWeights(rows.map((r) => r.weight));
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={4} size="h5" id="sg-staged-heading">
            To be added ({fields.length})
          </Title>
          <Text size="sm" c="dimmed">
            After the change these get {formatShare(shareOf(stagedTotal, total))} of the traffic, the current
            backends {formatShare(shareOf(currentTotal, total))}.
          </Text>
        </div>
        <SetAllWeights onSet={onSetAll} disabled={readOnly} />
      </Group>
      <div className={classes.scroller}>
        <div
          className={classes.grid}
          role="table"
          aria-labelledby="sg-staged-heading"
          aria-rowcount={fields.length + 1}
        >
          <div className={classes.head} role="row">
            <div role="columnheader">Backend</div>
            <div role="columnheader">Weight</div>
            <div role="columnheader">Share after the change</div>
            <div role="columnheader">
              <span className={classes.hidden}>Remove</span>
            </div>
          </div>
          {fields.map((field, index) => (
            <StagedRowView
              key={field.id}
              index={index}
              row={field}
              label={labels[index] ?? ''}
              share={shareOf(sumWeights([rows[index]?.weight ?? field.weight]), total)}
              message={messages[index]}
              register={register}
              onRemove={onRemove}
              readOnly={readOnly}
            />
          ))}
        </div>
      </div>
    </Stack>
  );
}

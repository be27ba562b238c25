import { useId, useState, type ReactNode } from 'react';
import {
  CheckIcon,
  Combobox,
  Group,
  InputBase,
  Loader,
  Pill,
  PillsInput,
  Text,
  useCombobox,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { asZStackError } from '../api/errors';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/ScrollArea.css';

export interface PickerPage<T> {
  items: T[];
  /** All matches on the server, when known (to say "20 of 1234"). */
  total?: number;
  /** The total is only a lower bound (the page merges several searches, since ZStack has no OR). */
  totalIsLowerBound?: boolean;
}

interface BaseProps<T> {
  /** The visible label, which is also the control's accessible name. */
  label: string;
  description?: ReactNode;
  placeholder?: string;
  /** Prefix of the React Query key; the search text is appended. */
  queryKey: QueryKey;
  /** One page of matches for the search text, searched on the server. */
  search: (text: string, signal: AbortSignal) => Promise<PickerPage<T>>;
  itemKey: (item: T) => string;
  /** Text for the chosen item (input value, pill). */
  itemLabel: (item: T) => string;
  /** Option content; text only (never HTML from the server). */
  renderItem?: (item: T) => ReactNode;
  /** A reason makes the option visible but not selectable. */
  itemDisabledReason?: (item: T) => string | undefined;
  error?: ReactNode;
  disabled?: boolean;
  emptyText?: string;
  /**
   * Milliseconds of typing pause before searching: short, since every search is one page on the server
   * and a superseded one is cancelled; it only gathers a paste or a burst of keys into one request.
   */
  debounceMs?: number;
}

interface SingleProps<T> extends BaseProps<T> {
  multiple?: false;
  value: T | null;
  onChange: (value: T | null) => void;
}

interface MultiProps<T> extends BaseProps<T> {
  multiple: true;
  value: T[];
  onChange: (value: T[]) => void;
}

export type EntityPickerProps<T> = SingleProps<T> | MultiProps<T>;

/**
 * A searchable picker over a server-side list: every keystroke (after a short pause) asks ZStack for one
 * page of matches, so it stays instant whatever the size of the list. Single choice (a combobox showing
 * the chosen item) or several (pills with a search field).
 */
export function EntityPicker<T>(props: EntityPickerProps<T>) {
  const { label, queryKey, search, itemKey, itemLabel, renderItem, itemDisabledReason, debounceMs = 30 } = props;
  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
  });
  const [text, setText] = useState('');
  const [editing, setEditing] = useState(false);
  const [debounced] = useDebouncedValue(text.trim(), debounceMs);
  const statusId = useId();

  const query = useQuery({
    queryKey: [...queryKey, debounced],
    queryFn: ({ signal }) => search(debounced, signal),
    enabled: combobox.dropdownOpened && !props.disabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const selectedKeys = new Set(props.multiple ? props.value.map(itemKey) : props.value ? [itemKey(props.value)] : []);
  const items = query.data?.items ?? [];
  const byKey = new Map(items.map((item) => [itemKey(item), item]));

  const choose = (key: string) => {
    const item = byKey.get(key);
    if (!item || itemDisabledReason?.(item)) return;
    if (props.multiple) {
      props.onChange(selectedKeys.has(key) ? props.value.filter((v) => itemKey(v) !== key) : [...props.value, item]);
      setText('');
    } else {
      props.onChange(item);
      setText('');
      setEditing(false);
      combobox.closeDropdown();
    }
  };

  const options = items.map((item) => {
    const key = itemKey(item);
    const reason = itemDisabledReason?.(item);
    const selected = selectedKeys.has(key);
    return (
      <Combobox.Option value={key} key={key} disabled={!!reason} active={selected} aria-selected={selected}>
        <Group gap="xs" wrap="nowrap">
          {props.multiple ? <CheckIcon size={12} style={{ visibility: selected ? 'visible' : 'hidden' }} /> : null}
          <div style={{ minWidth: 0 }}>
            {renderItem ? renderItem(item) : <Text size="sm">{itemLabel(item)}</Text>}
            {reason ? (
              <Text size="xs" c="dimmed">
                {reason}
              </Text>
            ) : null}
          </div>
        </Group>
      </Combobox.Option>
    );
  });

  const total = query.data?.total;
  const status = query.isFetching && !query.data
    ? 'Searching…'
    : query.isError
      ? `Search failed: ${asZStackError(query.error).code} ${asZStackError(query.error).description}`
      : items.length === 0
        ? props.emptyText ?? 'No matches'
        : total !== undefined && total > items.length
          ? `Showing ${items.length} of ${query.data?.totalIsLowerBound ? 'at least ' : ''}${total}: type to narrow the search`
          : undefined;

  const dropdown = (
    <Combobox.Dropdown>
      <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
        {options}
      </Combobox.Options>
      {status ? (
        <Combobox.Footer>
          <Text size="xs" c={query.isError ? 'red' : 'dimmed'} id={statusId} role="status">
            {status}
          </Text>
        </Combobox.Footer>
      ) : null}
    </Combobox.Dropdown>
  );

  const rightSection = query.isFetching ? <Loader size={14} aria-label="Searching" /> : <Combobox.Chevron />;

  if (props.multiple) {
    const { value, onChange } = props;
    return (
      <Combobox store={combobox} onOptionSubmit={choose} withinPortal>
        <Combobox.DropdownTarget>
          <PillsInput
            label={label}
            description={props.description}
            error={props.error}
            disabled={props.disabled}
            rightSection={rightSection}
            onClick={() => combobox.openDropdown()}
          >
            <Pill.Group>
              {value.map((item) => (
                <Pill
                  key={itemKey(item)}
                  withRemoveButton
                  onRemove={() => onChange(value.filter((v) => itemKey(v) !== itemKey(item)))}
                  removeButtonProps={{ 'aria-label': `Remove ${itemLabel(item)}`, 'aria-hidden': false, tabIndex: 0 }}
                >
                  {itemLabel(item)}
                </Pill>
              ))}
              <Combobox.EventsTarget withExpandedAttribute>
                <PillsInput.Field
                  value={text}
                  placeholder={value.length ? undefined : props.placeholder}
                  onFocus={() => combobox.openDropdown()}
                  onBlur={() => combobox.closeDropdown()}
                  onChange={(event) => {
                    setText(event.currentTarget.value);
                    combobox.openDropdown();
                    combobox.updateSelectedOptionIndex();
                  }}
                  onKeyDown={(event) => {
                    if (event.key === 'Backspace' && text.length === 0 && value.length > 0) {
                      event.preventDefault();
                      onChange(value.slice(0, -1));
                    }
                  }}
                />
              </Combobox.EventsTarget>
            </Pill.Group>
          </PillsInput>
        </Combobox.DropdownTarget>
        {dropdown}
      </Combobox>
    );
  }

  const chosenLabel = props.value ? itemLabel(props.value) : '';
  return (
    <Combobox store={combobox} onOptionSubmit={choose} withinPortal>
      <Combobox.Target withExpandedAttribute>
        <InputBase
          label={label}
          description={props.description}
          error={props.error}
          disabled={props.disabled}
          placeholder={editing && chosenLabel ? chosenLabel : props.placeholder}
          rightSection={rightSection}
          rightSectionPointerEvents="none"
          value={editing ? text : chosenLabel}
          onClick={() => combobox.openDropdown()}
          onFocus={() => {
            setEditing(true);
            setText('');
            combobox.openDropdown();
          }}
          onBlur={() => {
            setEditing(false);
            setText('');
            combobox.closeDropdown();
          }}
          onChange={(event) => {
            setText(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
        />
      </Combobox.Target>
      {dropdown}
    </Combobox>
  );
}

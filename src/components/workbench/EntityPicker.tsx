import { useId, useState } from 'react';
import { Combobox, InputBase, Loader, useCombobox } from '@mantine/core';
import { useT } from '../../i18n/react';
import { QueryErrorAlert } from '../QueryErrorAlert';
import { PickerOption } from './PickerOption';
import { pickerStatus, usePickerSearch, type PickerProps } from './pickerSearch';
import classes from './Picker.module.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Popover.css';

export interface EntityPickerProps<T> extends PickerProps<T> {
  value: T | null;
  onChange: (value: T) => void;
  emptyText?: string;
}

/**
 * Chooses one item of a server-side list (a server group, a project, a group): every keystroke (after
 * a short pause) asks ZStack for one page of matches. The list opens below the field, or above it when
 * there is no room below, and closes on a choice. What the admin types is theirs until they leave the
 * field or choose: a value set meanwhile (a page preselecting a project) never replaces it.
 */
export function EntityPicker<T>(props: EntityPickerProps<T>) {
  const { label, itemKey, itemText, value, onChange } = props;
  const t = useT();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [editing, setEditing] = useState(false);
  const statusId = useId();
  const { text, setText, query, items } = usePickerSearch({
    queryKey: props.queryKey,
    search: props.search,
    enabled: combobox.dropdownOpened && !props.disabled,
    debounceMs: props.debounceMs,
  });

  const choose = (key: string) => {
    const item = items.find((i) => itemKey(i) === key);
    if (!item) return;
    onChange(item);
    setText('');
    setEditing(false);
    combobox.closeDropdown();
  };

  const chosenLabel = value ? itemText(value).primary : '';
  const selectedKey = value ? itemKey(value) : undefined;
  const status = pickerStatus(query, props.emptyText ?? t('workbench.noMatches'), t);
  return (
    <Combobox
      store={combobox}
      onOptionSubmit={choose}
      withinPortal
      // measured again when the results arrive: a list opened near the bottom of the window flips above
      preventPositionChangeWhenVisible={false}
    >
      <Combobox.Target withExpandedAttribute>
        <InputBase
          label={label}
          description={props.description}
          disabled={props.disabled}
          placeholder={editing && chosenLabel ? chosenLabel : props.placeholder}
          rightSection={
            query.isFetching ? <Loader size={14} aria-label={t('common.searching')} /> : <Combobox.Chevron />
          }
          rightSectionPointerEvents="none"
          value={editing ? text : chosenLabel}
          onClick={() => combobox.openDropdown()}
          onFocus={() => {
            setEditing(true);
            combobox.openDropdown();
          }}
          onBlur={() => {
            setEditing(false);
            setText('');
            combobox.closeDropdown();
          }}
          onChange={(event) => {
            setEditing(true);
            setText(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options className={classes.options} aria-describedby={status ? statusId : undefined}>
          {(query.isError ? [] : items).map((item) => {
            const key = itemKey(item);
            return (
              <Combobox.Option value={key} key={key} aria-selected={key === selectedKey}>
                <PickerOption text={itemText(item)} />
              </Combobox.Option>
            );
          })}
        </Combobox.Options>
        {query.isError ? (
          <QueryErrorAlert
            query={query}
            action={props.searchAction}
            retryLabel={t('workbench.searchAgain')}
            compact
          />
        ) : status ? (
          <Combobox.Footer>
            <span className={classes.footer} id={statusId} role="status">
              {status}
            </span>
          </Combobox.Footer>
        ) : null}
      </Combobox.Dropdown>
    </Combobox>
  );
}

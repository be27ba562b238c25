import { useId } from 'react';
import { Combobox, Loader, TextInput, useCombobox } from '@mantine/core';
import { useT } from '../../i18n/react';
import { QueryErrorAlert } from '../QueryErrorAlert';
import { PickerOption } from './PickerOption';
import { pickerStatus, usePickerSearch, type PickerProps } from './pickerSearch';
import classes from './Picker.module.css';
import '@mantine/core/styles/Combobox.css';

export interface SearchListProps<T> extends PickerProps<T> {
  /** A reason makes the option visible but not choosable ("already a member of oncall"). */
  itemDisabledReason?: (item: T) => string | undefined;
  /** Keys of the items chosen so far (they show a check mark; choosing one again takes it back). */
  chosen: ReadonlySet<string>;
  onToggle: (item: T, chosen: boolean) => void;
  emptyText: string;
}

/**
 * Chooses several items of a server-side list: a search field with its results listed right below it,
 * in the page, never over it. Nothing that follows (the staged list, the submit button) is ever covered,
 * and the list keeps its height while searching, so nothing moves either. Choosing, by mouse or with
 * ↓ and Enter, keeps the search text: the next ↓ Enter goes on in the same results. (Give it a new
 * `key` to start a new search, after the chosen items were added.)
 */
export function SearchList<T>(props: SearchListProps<T>) {
  const { label, itemKey, itemText, itemDisabledReason, chosen, onToggle } = props;
  const t = useT();
  // always "open": the list is part of the page
  const combobox = useCombobox({ opened: true });
  const statusId = useId();
  const { text, setText, query, items } = usePickerSearch({
    queryKey: props.queryKey,
    search: props.search,
    enabled: !props.disabled,
    debounceMs: props.debounceMs,
  });

  const toggle = (key: string) => {
    const item = items.find((i) => itemKey(i) === key);
    if (!item || itemDisabledReason?.(item) || props.disabled) return;
    onToggle(item, !chosen.has(key));
  };

  const status = pickerStatus(query, props.emptyText, t);
  return (
    <Combobox store={combobox} onOptionSubmit={toggle}>
      <div>
        <Combobox.EventsTarget withExpandedAttribute>
          <TextInput
            label={label}
            description={props.description}
            placeholder={props.placeholder}
            value={text}
            disabled={props.disabled}
            rightSection={query.isFetching ? <Loader size={14} aria-label={t('common.searching')} /> : null}
            onChange={(event) => {
              setText(event.currentTarget.value);
              combobox.updateSelectedOptionIndex();
            }}
            // Enter chooses the highlighted option; it never submits the form around the search
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.preventDefault();
            }}
            mb={6}
          />
        </Combobox.EventsTarget>
        <div className={classes.inlineList}>
          {/* a failed search in place of its results, with ZStack's three fields and a way to ask again */}
          {query.isError ? (
            <QueryErrorAlert
              query={query}
              action={props.searchAction}
              retryLabel={t('workbench.searchAgain')}
              compact
            />
          ) : null}
          <Combobox.Options
            className={classes.options}
            aria-label={t('workbench.results', { label })}
            aria-multiselectable
            aria-describedby={status ? statusId : undefined}
          >
            {(query.isError ? [] : items).map((item) => {
              const key = itemKey(item);
              const reason = itemDisabledReason?.(item);
              const isChosen = chosen.has(key);
              return (
                <Combobox.Option
                  value={key}
                  key={key}
                  disabled={!!reason || props.disabled}
                  aria-selected={isChosen}
                >
                  <PickerOption text={itemText(item)} disabledReason={reason} checked={isChosen} />
                </Combobox.Option>
              );
            })}
          </Combobox.Options>
          {!query.isError && status ? (
            <div className={classes.footer} id={statusId} role="status">
              {status}
            </div>
          ) : null}
        </div>
      </div>
    </Combobox>
  );
}

import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';

export type SortDirection = 'asc' | 'desc';

export interface SortState {
  key: string;
  direction: SortDirection;
}

/** What a page of a members table is: which page, how many rows, in what order, filtered by what. */
export interface TableQuery {
  /** 0-based. */
  page: number;
  pageSize: number;
  sort: SortState;
  /** The filter text as the admin typed it, after a short pause, trimmed. */
  filter: string;
}

export const pageSizes = [20, 50, 100] as const;

export interface TableState {
  query: TableQuery;
  /** The filter field's own text (before the pause). */
  filterText: string;
  setFilterText: (text: string) => void;
  setPage: (page: number) => void;
  setPageSize: (size: number) => void;
  /** A click on a column's header: sort by it, or reverse the order if it is already sorted by it. */
  sortBy: (key: string) => void;
}

/** Paging, sorting and filtering of one members table; a new filter or order starts at page 1. */
export function useTableState(defaultSort: SortState, defaultPageSize = pageSizes[0]): TableState {
  const [page, setPage] = useState(0);
  const [pageSize, setPageSizeState] = useState<number>(defaultPageSize);
  const [sort, setSort] = useState(defaultSort);
  const [filterText, setFilterTextState] = useState('');
  const [filter] = useDebouncedValue(filterText.trim(), 150);
  return {
    query: { page, pageSize, sort, filter },
    filterText,
    setFilterText: (text) => {
      setFilterTextState(text);
      setPage(0);
    },
    setPage,
    setPageSize: (size) => {
      setPageSizeState(size);
      setPage(0);
    },
    sortBy: (key) => {
      setSort((prev) =>
        prev.key === key
          ? { key, direction: prev.direction === 'asc' ? 'desc' : 'asc' }
          : { key, direction: 'asc' },
      );
      setPage(0);
    },
  };
}

/** The last page that exists for `total` rows (0-based), so that a page emptied by a removal is left. */
export const lastPage = (total: number, pageSize: number) => Math.max(0, Math.ceil(total / pageSize) - 1);

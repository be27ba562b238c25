/** The id of an entry's row button (the panel scrolls to and focuses it when opened at that entry). */
export const rowId = (entry: number) => `api-log-entry-${entry}`;

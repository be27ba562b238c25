import type { MessageKey } from '../../i18n/keys';
import type { BackendRowCode } from './backends';
import type { CsvProblem } from './csv';
import type { MemberRowCode } from './members';

/**
 * Per-row errors of an imported file, shown with the row's number: the catalogue key of each code
 * (src/i18n/locales/<locale>/app.json, `csv.row.*`), which takes the error's `detail`.
 */
export const rowMessageKeys = {
  emptyRow: 'csv.row.emptyRow',
  tooManyColumns: 'csv.row.tooManyColumns',
  badWeight: 'csv.row.badWeight',
  badNicUuid: 'csv.row.badNicUuid',
  badUuid: 'csv.row.badUuid',
  badIp: 'csv.row.badIp',
  missingIp: 'csv.row.missingIp',
  missingBackend: 'csv.row.missingBackend',
  nicNeedsVm: 'csv.row.nicNeedsVm',
  badType: 'csv.row.badType',
  unclosedQuote: 'csv.row.unclosedQuote',
  badQuote: 'csv.row.badQuote',
} as const satisfies Record<BackendRowCode | MemberRowCode | CsvProblem['code'], MessageKey>;

/** A chosen file that is not UTF-8 text. */
export const notUtf8Key = 'csv.import.notUtf8' satisfies MessageKey;

// API errors in the language the client asks for (DESIGN §12): the code never changes; the message is
// Welsh when Accept-Language prefers `cy` to `en`. A Welsh message says what the code means, from the
// catalogue; the English one keeps the detail the code that raised it gave.
import type express from 'express';
import { message, type Locale, type PlainKey } from '../shared/i18n/index.js';
import { problemMessage } from '../shared/i18n/problems.js';
import type { Problem } from '../shared/schemas.js';

/** Each error code the service answers with, and the catalogue's sentence for it. */
export const ERROR_MESSAGES: Readonly<Record<string, PlainKey>> = {
  internal: 'error.internal',
  'database-unavailable': 'error.databaseUnavailable',
  'not-ready': 'error.notReady',
  'invalid-json': 'error.invalidJson',
  'bad-request': 'error.badRequest',
  'not-found': 'error.notFound',
  forbidden: 'error.forbidden',
  unauthenticated: 'error.unauthenticated',
  'token-expired': 'error.tokenExpired',
  'token-revoked': 'error.tokenRevoked',
  'invalid-token': 'error.invalidToken',
  'not-registered': 'error.notRegistered',
  'sign-in-unavailable': 'error.signInUnavailable',
  'too-many-failed-sign-ins': 'error.tooManyFailedSignIns',
  'rate-limited': 'error.rateLimited',
  'invalid-query': 'error.invalidQuery',
  'invalid-source': 'error.invalidSource',
  'invalid-if-match': 'error.invalidIfMatch',
  'invalid-idempotency-key': 'error.invalidIdempotencyKey',
  'idempotency-key-reused': 'error.idempotencyKeyReused',
  'version-conflict': 'error.versionConflict',
  'period-locked': 'error.periodLocked',
  'period-mismatch': 'error.periodMismatch',
  'empty-return': 'error.emptyReturn',
  'too-many-versions': 'error.tooManyVersions',
  'no-partnership': 'error.noPartnership',
  'empty-upload': 'error.emptyUpload',
  'incomplete-upload': 'error.incompleteUpload',
  'missing-file': 'error.missingFile',
  'bad-multipart': 'error.badMultipart',
  'unsupported-media-type': 'error.unsupportedMediaType',
  'payload-too-large': 'error.payloadTooLarge',
  'too-many-rows': 'error.tooManyRows',
  'too-many-cells': 'error.tooManyCells',
  'cell-too-long': 'error.cellTooLong',
  'not-xlsx': 'error.notXlsx',
  'bad-workbook': 'error.badWorkbook',
  unreadable: 'error.unreadable',
  'too-large': 'error.tooLarge',
  'zip-bomb': 'error.zipBomb',
  'xml-entities': 'error.xmlEntities',
  'unsupported-cells': 'error.unsupportedCells',
  'decode-failed': 'error.decodeFailed',
  'decode-timeout': 'error.decodeTimeout',
  'decode-out-of-memory': 'error.decodeOutOfMemory',
  'invalid-compare': 'error.invalidCompare',
  'agreement-not-open': 'error.agreementNotOpen',
  'nobody-awaiting': 'error.nobodyAwaiting',
  'settings-changed-since-agreement': 'error.settingsChanged',
  'year-closed': 'error.yearClosed',
  'year-open': 'error.yearOpen',
  'year-not-ended': 'error.yearNotEnded',
  reason: 'error.reason',
  'already-registered': 'error.alreadyRegistered',
  'cannot-change-person': 'error.cannotChangePerson',
  'download-link-expired': 'error.downloadLinkExpired',
  'download-link-invalid': 'error.downloadLinkInvalid',
  'download-link-maker-expired': 'error.downloadLinkMakerExpired',
  'download-link-revoked': 'error.downloadLinkRevoked',
  'download-link-used': 'error.downloadLinkUsed',
};

/** The language a request asks for: Welsh only when Accept-Language prefers it to English. */
export const requestLocale = (req: express.Request): Locale =>
  req.acceptsLanguages('en', 'cy') === 'cy' ? 'cy' : 'en';

/** The message of an error answer in `locale`; `english` is the one the code that raised it gave. */
export function errorMessage(locale: Locale, code: string, status: number, english: string): string {
  if (locale === 'en') return english;
  return message(locale, ERROR_MESSAGES[code] ?? (status >= 500 ? 'error.internal' : 'error.otherClient'));
}

/**
 * A 422's problems as the answer lists them: codes, sheet, row and column as they are; each message in
 * `locale`, rendered from what the problem says. The `say` itself stays here: the message is already in
 * the language asked for, and a thousand keys and values would double an answer that must stay small
 * (DESIGN §9.5).
 */
export const problemsIn = (locale: Locale, problems: readonly Problem[]) =>
  problems.map(({ sheet, row, column, code, message, say }) => ({
    sheet,
    row,
    column,
    code,
    message: problemMessage(locale, { message, say }),
  }));

// The periods offered in the picker: the last twelve months, this month and next, newest first. A
// return is usually for the month just ended, so that is the default.
import { addMonths } from '../../../shared/dates.js';
import { monthName } from '../words.js';

export function currentPeriod(today: Date): string {
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
}

export function periodChoices(today: Date, remembered?: string): { value: string; label: string }[] {
  const now = currentPeriod(today);
  const values = Array.from({ length: 14 }, (_, i) => addMonths(now, 1 - i));
  if (remembered && !values.includes(remembered)) values.push(remembered);
  return values.map((value) => ({ value, label: monthName(value) }));
}

export const defaultPeriod = (today: Date): string => addMonths(currentPeriod(today), -1);

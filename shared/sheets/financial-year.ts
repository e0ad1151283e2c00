// The Financial year column the Budget, Funding and Cost shares sheets share.
import { text } from './types/index.js';

export const financialYearColumn = text('Financial year', 'financialYear', {
  width: 12,
  maxLength: 7,
  required: true,
  format: 'financialYear',
  prompt: 'The financial year, written like 2026-27.',
});

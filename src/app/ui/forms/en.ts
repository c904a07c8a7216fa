/** English words every form shares: exactly the keys of nl.ts (checked by the type). */
import type { Words } from '../../i18n/translate.ts';
import type { nl } from './nl.ts';

export const en: Words<typeof nl> = {
  'form.choose': 'Choose…',
  'form.errorSummary': 'Please check the marked fields.',

  'error.required': 'Please fill in this field.',
  'error.choose': 'Please make a choice.',
  'error.tooLong': 'Use at most {max} characters.',
  'error.tooMany': 'Choose at most {max}.',
  'error.date': 'Enter a valid date.',
  'error.time': 'Enter a time as hh:mm, for example 19:30.',
  'error.endBeforeStart': 'The end time is before the start time.',
  'error.invalid': 'This value is not valid.',
  'error.pc4': 'Enter four digits, for example 2951.',
};

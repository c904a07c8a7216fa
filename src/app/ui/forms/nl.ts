/**
 * Dutch words every form shares: its field errors, the error summary and
 * "Kies…". A pack (pack.ts) that loads with the forms, not in the first
 * download; en.ts has exactly these keys.
 */
export const nl = {
  'form.choose': 'Kies…',
  'form.errorSummary': 'Controleer de gemarkeerde velden.',

  'error.required': 'Vul dit veld in.',
  'error.choose': 'Maak een keuze.',
  'error.tooLong': 'Gebruik hoogstens {max} tekens.',
  'error.tooMany': 'Kies hoogstens {max}.',
  'error.date': 'Vul een geldige datum in.',
  'error.time': 'Vul een tijd in als uu:mm, bijvoorbeeld 19:30.',
  'error.endBeforeStart': 'De eindtijd ligt voor de begintijd.',
  'error.invalid': 'Deze waarde klopt niet.',
  'error.pc4': 'Vul vier cijfers in, bijvoorbeeld 2951.',
};

export type FormsKey = keyof typeof nl;

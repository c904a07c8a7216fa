/**
 * Dutch words of counting attendance: the counters, the way of counting and
 * the postcodes; a pack (pack.ts) that loads with the screen. en.ts has
 * exactly these keys.
 */
export const nl = {
  'attendance.title': 'Aanwezigheid',
  'attendance.turnedUp': 'Opgekomen',
  'attendance.registered': 'Aangemeld',
  'attendance.counts': 'Tellingen',
  'attendance.increment': '{label}: één erbij',
  'attendance.decrement': '{label}: één eraf',
  'attendance.announce': '{label}: {count}',
  'attendance.method': 'Manier van tellen',
  'attendance.pc4Title': 'Postcodes (PC4)',
  'attendance.pc4Hint': 'Alleen de vier cijfers, nooit namen of adressen.',
  'attendance.pc4Input': 'Postcode (4 cijfers)',
  'attendance.pc4Add': 'Postcode toevoegen',
  'attendance.pc4None': 'Nog geen postcodes geteld.',
  'attendance.pc4Label': 'Postcode {pc4}',
  'attendance.saveFailed': 'Deze tik is niet opgeslagen. Probeer het opnieuw.',
  'attendance.back': 'Terug naar de activiteit',
  'attendance.readOnly': 'Je kunt deze tellingen bekijken, maar niet wijzigen.',

  'count.residents': 'Bewoners',
  'count.volunteers': 'Vrijwilligers',
  'count.professionals': 'Professionals',
  'count.children': 'Kinderen',
  'count.firstTimers': 'Nieuwe deelnemers',
  'count.registered': 'Aangemeld',

  'method.headcount': 'Telling',
  'method.estimate': 'Schatting',
  'method.signInList': 'Presentielijst',
};

export type AttendanceKey = keyof typeof nl;

import { describe, expect, it } from 'vitest';
import { REASONS } from '../../src/domain/errors.ts';
import { en } from '../../src/app/i18n/en.ts';
import { nl } from '../../src/app/i18n/nl.ts';
import { reasonText } from '../../src/app/i18n/reasons.ts';
import { createT, isLang, loadMessages, plural, translate } from '../../src/app/i18n/translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('English has exactly the Dutch keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('no message is empty in either language', () => {
    for (const messages of [nl, en]) {
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('every English message takes the same parameters as its Dutch one', () => {
    for (const [key, text] of Object.entries(nl)) {
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate(nl, 'sync.pending.other', { count: 3 })).toBe('3 wijzigingen alleen op dit toestel');
    expect(translate(nl, 'sync.pending.other')).toBe('{count} wijzigingen alleen op dit toestel');
  });

  it('picks the singular or plural form', () => {
    const t = createT(nl);
    expect(plural(t, 'sync.pending', 1)).toBe('1 wijziging alleen op dit toestel');
    expect(plural(t, 'sync.pending', 3)).toBe('3 wijzigingen alleen op dit toestel');
  });

  it('loads English on demand and Dutch at once', async () => {
    expect(await loadMessages('nl')).toBe(nl);
    expect(await loadMessages('en')).toBe(en);
  });

  it('knows its languages', () => {
    expect(isLang('nl')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('de')).toBe(false);
  });

  it('keeps Dutch terms of art in English', () => {
    expect(en['activityType.schouw']).toBe('Schouw');
  });
});

describe('reasonText', () => {
  it.each(REASONS)('has its own words for %s in both languages', (reason) => {
    for (const messages of [nl, en]) {
      const text = reasonText(reason, createT(messages));
      expect(text).toBe(messages[`reason.${reason}`]);
    }
  });

  it('reads an unknown reason from a newer server as a server problem', () => {
    const t = createT(nl);
    expect(reasonText('something-new', t)).toBe(nl['reason.internal']);
  });

  it('covers exactly the domain reasons', () => {
    const keys = Object.keys(nl).filter((key) => key.startsWith('reason.')).map((key) => key.slice('reason.'.length));
    expect(keys.sort()).toEqual([...REASONS].sort());
  });
});

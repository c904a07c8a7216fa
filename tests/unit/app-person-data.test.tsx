// @vitest-environment happy-dom
/**
 * The coordinator's AVG flow in the admin screen, as a screen-reader user
 * walks it: open a person in Gebruikers, download their inzage bundle, ask
 * to erase them, read exactly what will happen (from the server's count),
 * confirm — and the person leaves the list under their pseudonym. Also the
 * privacy texts: edited in Beheer, shown on the privacy screen.
 */
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrivacyScreen } from '../../src/app/account/PrivacyScreen.tsx';
import { inzageFileName } from '../../src/app/admin/PersonDataPanel.tsx';
import { PrivacyTextsSection } from '../../src/app/admin/PrivacyTextsSection.tsx';
import { UsersSection } from '../../src/app/admin/UsersSection.tsx';
import type { User } from '../../src/domain/auth.ts';
import type { ErasurePreview, PrivacyTexts } from '../../src/domain/person-data.ts';
import type { AccountApi } from '../../src/sync/account-api.ts';
import { NOW } from '../fixtures/fixed.ts';
import { cleanupApps, openApp } from '../fixtures/render-app.tsx';

const COORDINATOR = '0193a1b2-0000-7000-8000-0000000000c1';
const PERSON: User = {
  id: '0193a1b2-0000-7000-8000-0000000000a7',
  displayName: 'Annemarie Zwanenburg',
  email: 'a.zwanenburg@voorbeeld.nl',
  role: 'volunteer',
  buurtIds: [],
  teamIds: [],
  active: true,
  createdAt: NOW,
};
const ME: User = { ...PERSON, id: COORDINATOR, displayName: 'Carla Coördinator', role: 'coordinator', email: 'carla@voorbeeld.nl' };
const PREVIEW: ErasurePreview = {
  userId: PERSON.id,
  displayName: PERSON.displayName,
  pseudonym: 'vrijwilliger 7',
  devices: 2,
  auditEntries: 31,
  records: 12,
  signUps: 3,
  teams: 1,
  mentions: 2,
};

afterEach(cleanupApps);

async function asCoordinator(api: Partial<AccountApi>) {
  const app = await openApp({ now: () => NOW, me: { userId: COORDINATOR, role: 'coordinator', displayName: ME.displayName } });
  app.context.api = () => Promise.resolve(api as AccountApi);
  return app;
}

describe('a person’s AVG rights in Gebruikers', () => {
  it('downloads the inzage bundle as a zip named after the person and the day', async () => {
    const exportPerson = vi.fn(async () => new Blob(['PK'], { type: 'application/zip' }));
    const app = await asCoordinator({ users: async () => [ME, PERSON], exportPerson, userDevices: async () => [] });
    app.render(<UsersSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Annemarie Zwanenburg bewerken' }));
    fireEvent.click(screen.getByRole('button', { name: 'Alle gegevens downloaden (inzage): Annemarie Zwanenburg' }));
    const file = inzageFileName(PERSON.displayName, NOW);
    expect(file).toBe('inzage-annemarie-zwanenburg-2025-11-22.zip');
    await screen.findByText(`Opgeslagen als ${file}.`);
    expect(exportPerson).toHaveBeenCalledWith(PERSON.id);
    expect(app.announce).toHaveBeenCalledWith(`Opgeslagen als ${file}.`);
  });

  it('names everything erasing will do before it happens, erases only on yes, and shows the pseudonym', async () => {
    const erasePerson = vi.fn(async () => ({ userId: PERSON.id, pseudonym: 'vrijwilliger 7', devicesRemoved: 2, recordsChanged: 4 }));
    const app = await asCoordinator({ users: async () => [ME, PERSON], erasurePreview: async () => PREVIEW, erasePerson, userDevices: async () => [] });
    app.render(<UsersSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Annemarie Zwanenburg bewerken' }));
    fireEvent.click(screen.getByRole('button', { name: 'Persoon wissen: Annemarie Zwanenburg' }));

    const question = await screen.findByRole('group', { name: 'Annemarie Zwanenburg definitief wissen?' });
    const items = within(question)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      'Het account van Annemarie Zwanenburg verdwijnt, met naam, e-mailadres en wachtwoord, en de aangemelde toestellen (2); die zijn meteen afgemeld.',
      'In het auditlog (31 regels) en in de geschiedenis heet Annemarie Zwanenburg voortaan "vrijwilliger 7".',
      'Wat Annemarie Zwanenburg vastlegde of wijzigde (12 records) blijft bewaard, zonder naam: het hoort bij het programma. Op roosteraanmeldingen (3) staat voortaan "vrijwilliger 7"; de persoon verlaat de teams (1).',
      'Waar de naam of het e-mailadres in een tekst staat (2 records), komt "vrijwilliger 7" ervoor in de plaats.',
      'Tellingen en indicatoren blijven precies gelijk.',
      'Dit kan niet ongedaan worden gemaakt. Download eerst de gegevens als de persoon daarom vroeg.',
    ]);

    // Focus goes to the safe answer, and "Niet wissen" changes nothing.
    await waitFor(() => expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Niet wissen' })));
    fireEvent.click(within(question).getByRole('button', { name: 'Niet wissen' }));
    expect(erasePerson).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Persoon wissen: Annemarie Zwanenburg' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ja, Annemarie Zwanenburg definitief wissen' }));

    await screen.findByText('Annemarie Zwanenburg is gewist en heet voortaan "vrijwilliger 7".');
    expect(erasePerson).toHaveBeenCalledTimes(1);
    expect(erasePerson).toHaveBeenCalledWith(PERSON.id);
    const list = screen.getByTestId('admin-users');
    expect(within(list).queryByText('Annemarie Zwanenburg')).toBeNull();
    expect(within(list).getByText(ME.displayName, { exact: false })).toBeTruthy();
  });

  it('offers no erasure of oneself', async () => {
    const app = await asCoordinator({ users: async () => [ME, PERSON], userDevices: async () => [] });
    app.render(<UsersSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Carla Coördinator bewerken' }));
    await screen.findByRole('button', { name: 'Alle gegevens downloaden (inzage): Carla Coördinator' });
    expect(screen.queryByRole('button', { name: 'Persoon wissen: Carla Coördinator' })).toBeNull();
  });
});

describe('the tenant’s privacy texts', () => {
  const TEXTS: PrivacyTexts = {
    processingRegister: 'Register van Alblasserdam.\nWe bewaren namen.',
    accessibilityStatement: 'Wij voldoen aan WCAG 2.1 AA.',
    updatedAt: null,
  };

  it('are edited by the coordinator and saved together', async () => {
    const savePrivacyTexts = vi.fn(async (texts: { processingRegister: string; accessibilityStatement: string }) => ({ ...texts, updatedAt: NOW }));
    const app = await asCoordinator({ privacyTexts: async () => TEXTS, savePrivacyTexts });
    app.render(<PrivacyTextsSection />);
    const register = await screen.findByRole('textbox', { name: 'Verwerkingsregister' });
    expect(screen.getByText('Dit zijn de standaardteksten; ze gelden tot je ze opslaat.')).toBeTruthy();
    fireEvent.input(register, { target: { value: 'Ons eigen register.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(app.announce).toHaveBeenCalledWith('De privacyteksten zijn opgeslagen.'));
    expect(savePrivacyTexts).toHaveBeenCalledWith({ processingRegister: 'Ons eigen register.', accessibilityStatement: TEXTS.accessibilityStatement });
    await screen.findByText('Dit zijn de teksten van je programma.');
  });

  it('refuses an empty text and says which', async () => {
    const savePrivacyTexts = vi.fn();
    await asCoordinator({ privacyTexts: async () => TEXTS, savePrivacyTexts }).then((app) => app.render(<PrivacyTextsSection />));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Toegankelijkheidsverklaring' }), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await screen.findByText('Vul beide teksten in.');
    expect(screen.getByRole('textbox', { name: 'Toegankelijkheidsverklaring' }).getAttribute('aria-invalid')).toBe('true');
    expect(savePrivacyTexts).not.toHaveBeenCalled();
  });

  it('are shown on everyone’s privacy screen', async () => {
    const app = await openApp({ now: () => NOW });
    app.context.api = () => Promise.resolve({ privacyTexts: async () => TEXTS } as Partial<AccountApi> as AccountApi);
    app.render(<PrivacyScreen />);
    const register = await screen.findByRole('region', { name: 'Verwerkingsregister van Alblasserdam' });
    expect(register.textContent).toContain('We bewaren namen.');
    expect(screen.getByRole('region', { name: 'Toegankelijkheidsverklaring' }).textContent).toContain('WCAG 2.1 AA');
  });
});

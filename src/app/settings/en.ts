/** English words of the settings screen: exactly the keys of nl.ts (checked by the type). */
import type { Words } from '../i18n/translate.ts';
import type { nl } from './nl.ts';

export const en: Words<typeof nl> = {
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.theme': 'Appearance',
  'settings.theme.system': 'System',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.storage': 'Storage on this device',
  'settings.persisted.yes': 'Persistent storage is granted: the browser will not simply erase your data.',
  'settings.persisted.no': 'Persistent storage is not granted: the browser may erase data when Buurtlog is not used for a long time.',
  'settings.persisted.unknown': 'This browser does not say whether storage is persistent.',
  'settings.usage': '{used} used, {free} free',
  'settings.storageUnavailable': 'Not available in this browser:',
  'settings.storageUnavailableMeaning': 'this browser cannot say how much space Buurtlog has, and cannot give persistent storage.',
  'settings.storageUnavailableUrge':
    'On an iPhone or iPad, Safari erases the data of a site not used for 7 days. So sync when you are done: what is on the server is not lost.',
  'settings.usageUnknown': 'How much space there is, is unknown.',
  'settings.requestPersistence': 'Ask for persistent storage',
  'settings.persistenceDenied': 'The browser did not grant persistent storage. Add Buurtlog to your home screen and try again.',
  'settings.installHint': 'Tip: add Buurtlog to your home screen. Your data is kept more safely then.',
  'settings.device': 'This device',
  'settings.deviceId': 'Device id',
  'settings.tenant': 'Programme',
  'settings.sync': 'Synchronisation',
  'settings.rejectedTitle': 'Rejected changes',
  'settings.rejectedNone': 'No rejected changes.',
  'settings.dismiss': 'Hide',
  'settings.dismissLabel': 'Hide rejected change',
  'settings.exportHint': 'Saves everything not yet sent to a file, for example to pass on to your coordinator.',
  'settings.megabytes': '{value} MB',
  'settings.photoCache': 'Photos of others',
  'settings.photoCache.usage': '{used} of the {budget} they may use',
  'settings.photoCache.own': 'Your own photos: {used}. They always stay on this device.',
  'settings.photoCache.budget': 'Space for photos of others',
  'settings.photoCache.auto': 'Automatic',
  'settings.photoCache.clear': 'Clear photos of others',
  'settings.photoCache.clearQuestion':
    'Clear all photos of others from this device? Your own photos stay. With a connection they are fetched again when you look at them.',
  'settings.photoCache.clearYes': 'Yes, clear',
  'settings.photoCache.clearNo': 'No, keep',
  'settings.photoCache.cleared': '{count} photos of others cleared.',
  'settings.photoCache.hint':
    'Photos of others you look at are kept so you can see them without a connection. When the space is full, the photos you have not looked at for the longest go first. Automatic is at most 200 MB, and less when this device has little space.',
};

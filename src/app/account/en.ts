/** English words of signing in, invites, privacy, the account and its devices: the same keys as nl.ts, by type. */
import type { Words } from '../i18n/translate.ts';
import type { nl } from './nl.ts';

export const en: Words<typeof nl> = {
  'signIn.title': 'Sign in',
  'signIn.lead': 'Sign in to {tenant}.',
  'signIn.leadNoTenant': 'Sign in with your e-mail address and password.',
  'signIn.email': 'E-mail address',
  'signIn.password': 'Password',
  'signIn.deviceName': 'Name of this device',
  'signIn.deviceNameHint': 'This is how you will recognise this device in "My devices".',
  'signIn.submit': 'Sign in',
  'signIn.busy': 'Signing in…',
  'signIn.done': 'Signed in as {name}',
  'signIn.volunteerHint': 'A volunteer? Open the invite you got from your coordinator (a link or QR code).',
  'signIn.needsNetwork': 'Signing in needs the internet. Try again when you have a connection.',
  'signIn.again.title': 'Sign in again',
  'signIn.again.lead': 'Your session has expired. Sign in again; everything on this device is kept and sent afterwards.',
  'signIn.again.inviteHint': 'Signed in with an invite? Ask your coordinator for a new invite and open it on this device.',
  'signIn.again.unsent': '{count} changes on this device are waiting to be sent.',
  'signIn.signedOut': 'You have signed out. The Buurtlog data on this device has been erased.',
  'signIn.privacyLink': 'What Buurtlog keeps and why',

  'invite.title': 'Invite',
  'invite.lead': 'You have been invited to team {team} of {tenant} as {name}.',
  'invite.expires': 'This invite is valid until {when} and works once.',
  'invite.button': 'Sign in on this device',
  'invite.busy': 'Signing in…',
  'invite.loading': 'Fetching the invite…',
  'invite.needsNetwork': 'Opening an invite needs the internet. Try again when you have a connection.',
  'invite.alreadySignedIn': 'This device is already signed in as {name}. Sign out first (Settings) to use this invite.',
  'invite.from': '{issuer} invites you to team {team} of {tenant}.',
  'invite.as': 'You sign in as {name}. Valid until {when}, once.',
  'invite.implies': 'By tapping "Sign in on this device" you confirm you have read this.',
  'invite.malformed': 'This invite link is not right. Ask your coordinator to send it again, or copy the whole link.',
  'privacy.summaryTitle': 'What Buurtlog keeps',
  'privacy.summary':
    'Buurtlog counts people, never the names of residents. About you it keeps your name, your team and what you record; everything is on your phone first.',
  'privacy.readAll': 'Read everything about what Buurtlog keeps and why',
  'invite.toSignIn': 'Sign in with e-mail address',

  'privacy.title': 'What Buurtlog keeps and why',
  'privacy.intro':
    'Buurtlog helps with neighbourhood work: activities, who came, and what goes on in the neighbourhood. Here you can read what the app keeps, where, and who sees it.',
  'privacy.counts.title': 'Counts, never names of residents',
  'privacy.counts.body':
    'Buurtlog counts how many people came to an activity, and sometimes only the four digits of their postcode (PC4). Names, addresses or other details of residents never go in. Do not put them in the notes either.',
  'privacy.you.title': 'About you',
  'privacy.you.body':
    'About you, Buurtlog keeps your name, your e-mail address if you sign in with a password, your role, and your buurten and teams. Every change records who made it and from which device.',
  'privacy.device.title': 'This device’s key',
  'privacy.device.body':
    'When you sign in, this device gets a secret key. It is kept only on this device; the server keeps only an unrecognisable fingerprint of it. If you lose your phone, your coordinator can sign it out: at its next contact with the server Buurtlog then erases everything on that device.',
  'privacy.local.title': 'On your phone first',
  'privacy.local.body':
    'What you record is first kept only on this device, also without internet. As soon as there is a connection it goes to your programme’s server. At the top you always see what has not been sent yet.',
  'privacy.coordinator.title': 'What your coordinator sees',
  'privacy.coordinator.body':
    'The coordinator manages the programme and sees all its data, and a log of who changed what, when and from which device. Volunteers only see what belongs to their own team; buurtpreventie rounds are seen only by the team, the police for those buurten and the coordinators.',
  'privacy.export.title': 'Export and erase',
  'privacy.export.body':
    'In Settings you can save everything not yet sent to a file. Signing out erases all Buurtlog data from this device; what has been sent stays on the server.',
  'privacy.retention.title': 'How long',
  'privacy.retention.body':
    'Your programme decides how long data stays on the server; buurtpreventie data is removed after a fixed retention period, on the server and on every device: safety observations after {safety} months, rounds and the roster after {rounds} months, public-space observations after {publicSpace} months. A sign-in runs out after {days} days without contact with the server. Your data on this device is kept until you sign in again.',
  'privacy.questions.title': 'Questions',
  'privacy.questions.body': 'Questions about your data? Ask your coordinator or your municipality’s data protection officer.',
  'privacy.registerTitle': 'Record of processing activities of {tenant}',
  'privacy.accessibilityTitle': 'Accessibility statement',
  'privacy.acknowledge': 'I have read this',

  'role.coordinator': 'Coordinator',
  'role.professional': 'Professional',
  'role.police': 'Police',
  'role.volunteer': 'Volunteer',

  'account.title': 'Signed in',
  'account.name': 'Name',
  'account.role': 'Role',
  'account.tenant': 'Programme',
  'account.email': 'E-mail address',
  'account.sessionUntil': 'Sign-in valid until',
  'account.signOut': 'Sign out',
  'account.signOutHint': 'Signing out erases all Buurtlog data from this device. What has been sent stays on the server.',
  'account.signOutUnsent':
    'Careful: some changes have not been sent yet ({count}). They are lost if you sign out now. Synchronise first, or export them to a file.',
  'account.signOutConfirm': 'Are you sure you want to sign out? All Buurtlog data on this device will be erased.',
  'account.signOutYes': 'Yes, sign out and erase',
  'account.signOutNo': 'Do not sign out',
  'account.signingOut': 'Signing out…',
  'account.privacy': 'What Buurtlog keeps and why',

  'devices.title': 'My devices',
  'devices.hint': 'Lost your phone? Sign it out here. It erases its Buurtlog data at its next contact with the server.',
  'devices.thisDevice': 'This device',
  'devices.lastSeen': 'Last seen {when}',
  'devices.neverSeen': 'Not seen yet',
  'devices.revoked': 'Signed out',
  'devices.revoke': 'Sign out',
  'devices.revokeLabel': 'Sign out {name}',
  'devices.revokeConfirm': 'Sign out {name}? That device erases its Buurtlog data as soon as it is online again.',
  'devices.revokeYes': 'Yes, sign out',
  'devices.revokeNo': 'Cancel',
  'devices.revokedDone': '{name} has been signed out',
  'devices.none': 'No devices found.',

  'online.needed': 'This needs an internet connection. Try again when you have a connection.',
  'online.loading': 'Fetching…',
  'online.retry': 'Try again',

  'deviceName.phone': 'Phone',
  'deviceName.tablet': 'Tablet',
  'deviceName.computer': 'Computer',
};

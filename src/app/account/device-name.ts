/**
 * A name for this device that its owner recognises in "Mijn toestellen":
 * the kind of device and the browser, e.g. "Telefoon (Chrome)". Only a
 * suggestion; the sign-in form lets the person change it. Pure.
 */
export type DeviceKind = 'phone' | 'tablet' | 'computer';

const BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bEdg(?:A|iOS)?\//, 'Edge'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|Chrome\/|\bChromium\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];

export function deviceKindOf(userAgent: string, maxTouchPoints = 0): DeviceKind {
  if (/\biPad\b|\bTablet\b/i.test(userAgent) || (/\bAndroid\b/.test(userAgent) && !/\bMobile\b/.test(userAgent))) return 'tablet';
  // iPadOS 13+ presents itself as a Mac; its touch screen gives it away.
  if (/\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1) return 'tablet';
  if (/\bMobi|\biPhone\b|\bAndroid\b/.test(userAgent)) return 'phone';
  return 'computer';
}

export function browserOf(userAgent: string): string | null {
  return BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
}

/**
 * @example
 * defaultDeviceName(navigator.userAgent, (kind) => t(`deviceName.${kind}`)) // 'Telefoon (Chrome)'
 */
export function defaultDeviceName(userAgent: string, kindLabel: (kind: DeviceKind) => string, maxTouchPoints = 0): string {
  const kind = kindLabel(deviceKindOf(userAgent, maxTouchPoints));
  const browser = browserOf(userAgent);
  return browser ? `${kind} (${browser})` : kind;
}

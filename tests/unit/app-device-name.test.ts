import { describe, expect, it } from 'vitest';
import { browserOf, defaultDeviceName, deviceKindOf } from '../../src/app/account/device-name.ts';

const UA = {
  androidChrome: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
  samsung: 'Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0 Mobile Safari/537.36',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iphoneChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1',
  ipadOs: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  androidTablet: 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
  windowsEdge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
};
const dutch = { phone: 'Telefoon', tablet: 'Tablet', computer: 'Computer' } as const;

describe('the suggested device name', () => {
  it('names the kind of device and the browser, in the person’s language', () => {
    expect(defaultDeviceName(UA.androidChrome, (kind) => dutch[kind])).toBe('Telefoon (Chrome)');
    expect(defaultDeviceName(UA.iphone, (kind) => dutch[kind])).toBe('Telefoon (Safari)');
    expect(defaultDeviceName(UA.windowsEdge, (kind) => ({ phone: 'Phone', tablet: 'Tablet', computer: 'Computer' })[kind])).toBe('Computer (Edge)');
  });

  it('knows the browsers that pretend to be another', () => {
    expect(browserOf(UA.samsung)).toBe('Samsung Internet');
    expect(browserOf(UA.iphoneChrome)).toBe('Chrome');
    expect(browserOf(UA.firefox)).toBe('Firefox');
    expect(browserOf('curl/8.0')).toBeNull();
  });

  it('tells tablets from phones, also an iPad that says it is a Mac', () => {
    expect(deviceKindOf(UA.androidTablet)).toBe('tablet');
    expect(deviceKindOf(UA.ipadOs, 5)).toBe('tablet');
    expect(deviceKindOf(UA.ipadOs, 0)).toBe('computer');
    expect(deviceKindOf(UA.iphone)).toBe('phone');
  });

  it('falls back to the kind alone', () => {
    expect(defaultDeviceName('curl/8.0', (kind) => dutch[kind])).toBe('Computer');
  });
});

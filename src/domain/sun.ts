/**
 * Sunrise and sunset for a place and date, with NOAA's solar calculator
 * equations (the spreadsheet version, after Meeus: Astronomical Algorithms),
 * good to about a minute at Dutch latitudes. The round screen turns to night
 * mode after sunset at the tenant's place (patrol settings `lat`, `lon`).
 * Pure: no clock, no time zone — times are Unix ms (UTC).
 */

const RAD = Math.PI / 180;
/** The sun's centre 0.833° below the horizon: refraction and the sun's radius (official sunrise/sunset). */
const ZENITH = 90.833;

/** Sunrise and sunset (Unix ms) on the UTC calendar date `date` (YYYY-MM-DD) at lat/lon (east positive); null when the sun neither rises nor sets that day. */
export function sunTimes(lat: number, lon: number, date: string): { sunrise: number; sunset: number } | null {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  // Solve at local solar noon first, then refine each event at its own time.
  const noon = midnight + (720 - 4 * lon) * 60_000;
  const first = eventMinutes(lat, lon, noon);
  if (first === null) return null;
  const rise = eventMinutes(lat, lon, midnight + first.sunrise * 60_000);
  const set = eventMinutes(lat, lon, midnight + first.sunset * 60_000);
  if (rise === null || set === null) return null;
  return { sunrise: midnight + Math.round(rise.sunrise * 60_000), sunset: midnight + Math.round(set.sunset * 60_000) };
}

/** Sunset (Unix ms) on that UTC date, or null in polar day or night. */
export function sunsetAt(lat: number, lon: number, date: string): number | null {
  return sunTimes(lat, lon, date)?.sunset ?? null;
}

/**
 * Whether it is dark at `now`: after that day's sunset or before its
 * sunrise. Polar night counts as dark, polar day as light.
 */
export function isAfterSunset(lat: number, lon: number, now: number): boolean {
  const times = sunTimes(lat, lon, new Date(now).toISOString().slice(0, 10));
  if (times === null) return solarElevationDeg(lat, lon, now) < 90 - ZENITH;
  return now >= times.sunset || now < times.sunrise;
}

/** The sun's elevation above the horizon in degrees at `at` (no refraction). */
export function solarElevationDeg(lat: number, lon: number, at: number): number {
  const { declination, equationOfTime } = solarPosition(at);
  const minutes = (((at % 86_400_000) + 86_400_000) % 86_400_000) / 60_000;
  const trueSolarMinutes = minutes + equationOfTime + 4 * lon;
  const hourAngle = trueSolarMinutes / 4 - 180;
  const cosZenith = Math.sin(lat * RAD) * Math.sin(declination * RAD) + Math.cos(lat * RAD) * Math.cos(declination * RAD) * Math.cos(hourAngle * RAD);
  return 90 - Math.acos(Math.max(-1, Math.min(1, cosZenith))) / RAD;
}

/** Minutes after UTC midnight of sunrise and sunset, from the sun's position at `at`. */
function eventMinutes(lat: number, lon: number, at: number): { sunrise: number; sunset: number } | null {
  const { declination, equationOfTime } = solarPosition(at);
  const cosHourAngle = Math.cos(ZENITH * RAD) / (Math.cos(lat * RAD) * Math.cos(declination * RAD)) - Math.tan(lat * RAD) * Math.tan(declination * RAD);
  if (cosHourAngle < -1 || cosHourAngle > 1) return null;
  const hourAngle = Math.acos(cosHourAngle) / RAD;
  const solarNoon = 720 - 4 * lon - equationOfTime;
  return { sunrise: solarNoon - 4 * hourAngle, sunset: solarNoon + 4 * hourAngle };
}

/** The sun's declination (degrees) and the equation of time (minutes) at `at`. */
function solarPosition(at: number): { declination: number; equationOfTime: number } {
  const julianDay = at / 86_400_000 + 2_440_587.5;
  const t = (julianDay - 2_451_545) / 36_525;
  const meanLongitude = (((280.46646 + t * (36_000.76983 + t * 0.0003032)) % 360) + 360) % 360;
  const meanAnomaly = 357.52911 + t * (35_999.05029 - 0.0001537 * t);
  const eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const centre =
    Math.sin(meanAnomaly * RAD) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
    Math.sin(2 * meanAnomaly * RAD) * (0.019993 - 0.000101 * t) +
    Math.sin(3 * meanAnomaly * RAD) * 0.000289;
  const trueLongitude = meanLongitude + centre;
  const omega = 125.04 - 1934.136 * t;
  const apparentLongitude = trueLongitude - 0.00569 - 0.00478 * Math.sin(omega * RAD);
  const meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const obliquity = meanObliquity + 0.00256 * Math.cos(omega * RAD);
  const declination = Math.asin(Math.sin(obliquity * RAD) * Math.sin(apparentLongitude * RAD)) / RAD;
  const y = Math.tan((obliquity / 2) * RAD) ** 2;
  const l0 = meanLongitude * RAD;
  const m = meanAnomaly * RAD;
  const equationOfTime =
    (4 / RAD) *
    (y * Math.sin(2 * l0) -
      2 * eccentricity * Math.sin(m) +
      4 * eccentricity * y * Math.sin(m) * Math.cos(2 * l0) -
      0.5 * y * y * Math.sin(4 * l0) -
      1.25 * eccentricity * eccentricity * Math.sin(2 * m));
  return { declination, equationOfTime };
}

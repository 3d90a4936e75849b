/**
 * The User-Agent sitrep sends: its name, version and where to learn what it is, so that a site's
 * operator can tell who is fetching and why. Read from package.json (`homepage`, else
 * `repository`), so a release or a fork states its own address.
 */
import { readFileSync } from 'node:fs';

interface PackageInfo {
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

function packageInfo(): PackageInfo {
  // src/fetch/ and dist/fetch/ are both two levels below package.json.
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageInfo;
}

/** `sitrep/0.1.0 (+https://…)`, or `sitrep/0.1.0` when package.json names no address. */
export function defaultUserAgent(info: PackageInfo = packageInfo()): string {
  const repository = typeof info.repository === 'string' ? info.repository : info.repository?.url;
  const address = (info.homepage ?? repository)?.replace(/^git\+/, '').replace(/\.git$/, '');
  return `sitrep/${info.version ?? '0'}${address ? ` (+${address})` : ''}`;
}

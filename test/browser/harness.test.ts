import { describe, expect, it } from 'vitest';
import { CHROMIUM, NGINX, nginxConfig, requireTools, serverBlock } from './harness.ts';

describe('browser test harness', () => {
  it('fails, naming the apt-get command, when Chromium or nginx is missing', () => {
    expect(() => requireTools(['/nonexistent/chromium', NGINX])).toThrow(
      'Browser tests need /nonexistent/chromium; install them with: apt-get install -y chromium nginx',
    );
  });

  it('finds Debian’s Chromium and nginx on this machine (bash .ci/run installs them)', () => {
    expect(() => requireTools([CHROMIUM, NGINX])).not.toThrow();
  });

  it('serves the folder under the prefix with the site’s 404 page, keeping every file in the work folder', () => {
    const conf = nginxConfig('/w', serverBlock('/s/_site', 8123, '/tin/'));
    expect(conf).toMatch(/^daemon off;$/m);
    expect(conf).toContain('listen 127.0.0.1:8123;');
    expect(conf).toMatch(/location \/tin\/ \{\s+alias \/s\/_site\/;\s+\}/);
    expect(conf).toContain('error_page 404 /tin/404.html;');
    expect(conf).toMatch(/^\s*charset utf-8;$/m);
    for (const path of conf.matchAll(/(?:pid|_log|_path) (\/\S+?)[ ;]/g)) expect(path[1]).toMatch(/^\/w\//);
  });
});

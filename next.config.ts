import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/security/headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'highs'],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    serverActions: { bodySizeLimit: '1mb' },
    // Integrity hashes on the script tags of every page, prerendered ones included (see lib/security/headers.ts).
    sri: { algorithm: 'sha256' },
  },
  poweredByHeader: false,
  async headers() {
    return [
      {
        // Every path but the mail preview, which sets its own policy (lib/security/headers.ts).
        source: '/:path((?!admin/outbox/[^/]+/html$).*)',
        headers: securityHeaders(),
      },
    ];
  },
};

export default withNextIntl(nextConfig);

import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { db, databaseKind } from '@/db';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { authenticate } from '@/lib/data/accounts';
import { log } from '@/lib/log';
import { authSecret } from './secret';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

// A function, so the secret is read per request (never at build time).
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  // The Credentials provider requires JWT sessions. Each request still re-reads the
  // user (lib/auth/session.ts), so disabling a user or changing roles ends the session.
  session: { strategy: 'jwt', maxAge: 7 * 24 * 60 * 60 },
  secret: authSecret(),
  // On the embedded default the app is reached directly; a deployment sets AUTH_URL or AUTH_TRUST_HOST.
  trustHost: databaseKind() === 'pglite' || process.env.AUTH_TRUST_HOST === 'true' || undefined,
  pages: { signIn: '/sign-in', error: '/sign-in' },
  logger: {
    // A refused sign-in is an expected answer (and audited), not a server error.
    error(error) {
      if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
      log.error({ err: error }, 'auth: error');
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials) {
        const result = await authenticate(credentials);
        if (!result.ok) throw new SignInRefused(result.reason);
        return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      (session as { sessionVersion?: number }).sessionVersion = token.sv;
      return session;
    },
  },
}));

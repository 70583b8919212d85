import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { db, databaseKind } from '@/db';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { authenticate } from '@/lib/data/accounts';
import { log } from '@/lib/log';
import { clientUserAgent } from '@/lib/security/client-address';
import { authSecret } from './secret';
import { createSession, revokeSession, sessionLifetimes } from './sessions';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
    /** The row of user_sessions this cookie stands for (lib/auth/sessions.ts). */
    sid?: string;
  }
}

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

// A function, so the secret is read per request (never at build time).
export const { handlers, signIn, signOut } = NextAuth(() => ({
  adapter: DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  // The Credentials provider requires JWT sessions. The cookie only names a server-side
  // session, checked on every request (lib/auth/sessions.ts): signing out, disabling the
  // user or changing their roles ends it at once; so do the idle and absolute lifetimes.
  session: { strategy: 'jwt', maxAge: sessionLifetimes().maxSeconds },
  secret: authSecret(),
  // On the embedded default the app is reached directly; a deployment sets AUTH_URL or AUTH_TRUST_HOST.
  trustHost: databaseKind() === 'pglite' || ['true', '1'].includes(process.env.AUTH_TRUST_HOST ?? '') || undefined,
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
        if (!result.ok) {
          throw new SignInRefused(result.reason === 'throttled' ? `throttled-${Math.ceil(result.retryAfterSeconds / 60)}` : result.reason);
        }
        const sessionId = await createSession(result.user.id, await clientUserAgent());
        return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.sessionVersion, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = user.sessionVersion ?? 0;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      Object.assign(session, { sessionVersion: token.sv, sessionId: token.sid });
      return session;
    },
  },
  events: {
    // Sign-out (the header's button or POST /api/auth/signout) ends the session on the server.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (sid) await revokeSession(sid);
    },
  },
}));

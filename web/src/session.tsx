import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import i18n, { rememberLanguage, type Lang } from './i18n.ts';
import type { Session } from './types.ts';
import { setUserTimeZone } from './dates.ts';

type SessionState = {
  session: Session | null;
  loading: boolean;
  can: (permission: string) => boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  setLanguage: (lang: Lang) => Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        return await api<Session>('GET', '/api/v1/auth/session');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: 1,
  });
  const session = query.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
    setUserTimeZone(session?.user.timeZone);
    if (session && session.user.locale !== i18n.language) {
      void i18n.changeLanguage(session.user.locale);
      rememberLanguage(session.user.locale);
    }
  }, [session]);

  useEffect(() => setUnauthenticatedHandler(() => queryClient.setQueryData(['session'], null)), [queryClient]);

  const state: SessionState = {
    session,
    loading: query.isLoading,
    can: (permission) => Boolean(session?.grants.some((g) => g.permissions.includes(permission))),
    async signIn(username, password) {
      const next = await api<Session>('POST', '/api/v1/auth/login', { username, password });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      queryClient.setQueryData(['session'], next);
    },
    async signOut() {
      await api('POST', '/api/v1/auth/logout').catch(() => undefined);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      queryClient.setQueryData(['session'], null);
    },
    async setLanguage(lang) {
      await i18n.changeLanguage(lang);
      rememberLanguage(lang);
      if (session) {
        await api('PATCH', '/api/v1/me', { locale: lang });
        queryClient.setQueryData(['session'], { ...session, user: { ...session.user, locale: lang } });
      }
    },
  };
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

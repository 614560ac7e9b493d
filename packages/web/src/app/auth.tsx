/**
 * Who is signed in, held in the query cache under ME_KEY (null = signed out).
 * The server decides permissions; the client only hides what would be refused anyway.
 */
import type { CurrentUser, Permission } from '@pacer/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiRequestError, errorMessage } from './api.ts';
import { Result } from './LazyResult.tsx';
import { ME_KEY } from './queryClient.ts';

async function fetchMe(): Promise<CurrentUser | null> {
  try {
    return await api.get<CurrentUser>('/api/auth/me');
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

/**
 * The user RequireAuth let in, held steady for the pages below it: when the session ends,
 * the guard redirects, and no page ever renders with the user missing.
 */
const UserContext = createContext<CurrentUser | null>(null);

/** The signed-in user's query, shared with the route loader that starts it (router.tsx). */
export const meQuery = queryOptions({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity });

export function useCurrentUser() {
  return useQuery(meQuery);
}

/** The signed-in user; only for pages under RequireAuth. */
export function useUser(): CurrentUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser outside RequireAuth');
  return user;
}

export function useCan(): (permission: Permission) => boolean {
  const user = useContext(UserContext);
  return (permission) => user?.permissions.includes(permission) ?? false;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<CurrentUser>('/api/auth/login', body),
    onSuccess: (user) => {
      // A previous user's cached lists must never show to the next one.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      void navigate('/login', { replace: true });
    },
  });
}

/** Route guard: signed-out visitors go to /login and come back to where they were going. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useCurrentUser();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('errors.loadFailed')}
        subTitle={errorMessage(me.error)}
        extra={<Button onClick={() => void me.refetch()}>{t('actions.retry')}</Button>}
      />
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <UserContext.Provider value={me.data}>
      <Outlet />
    </UserContext.Provider>
  );
}

/** Route guard for one permission, inside RequireAuth. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can(permission)) return <Result status="403" title={t('errors.forbidden')} subTitle={t('errors.forbiddenHint')} />;
  return children;
}

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

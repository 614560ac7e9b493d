/**
 * Every route declares who may call it in `config.permission`:
 * 'public' (no sign-in), 'signedIn' (any user), or a domain Permission.
 * A route that declares nothing is refused for everyone, and a test fails on it.
 */
import { can, type Permission } from '@pacer/domain';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { forbidden, unauthorized } from './errors.ts';

export type RoutePermission = 'public' | 'signedIn' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** Labels for fields of this route's body, so validation messages name them in Chinese. */
    fieldLabels?: Record<string, string>;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
}

/** Collects every route as it is registered, so tests can walk them. */
export function trackRoutes(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Read lazily: a scope's own onRoute hook (markScopePublic) runs after this one.
      routes.push({
        method,
        url: route.url,
        get permission() {
          return (route.config as { permission?: RoutePermission } | undefined)?.permission;
        },
      });
    }
  });
  return routes;
}

/** Marks routes of third-party plugins (docs, static files) as public inside their scope. */
export function markScopePublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route: RouteOptions) => {
    route.config = { ...(route.config ?? {}), permission: (route.config as { permission?: RoutePermission } | undefined)?.permission ?? 'public' };
  });
}

export function enforcePermissions(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (request.is404) return;
    if (!permission) throw forbidden('此接口未声明权限，已拒绝访问');
    if (permission === 'public') return;
    if (!request.user) throw unauthorized();
    if (permission === 'signedIn') return;
    if (!can(request.user.role, permission)) throw forbidden();
  });
}

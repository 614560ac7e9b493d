/**
 * antd's Result for the guards' and the router's error, 403 and 404 screens, fetched the first
 * time one shows: its illustrations would add about 10 KB gzip to every first load otherwise.
 * The Suspense boundaries above the routes show the usual spinner meanwhile.
 */
import { lazy } from 'react';

export const Result = lazy(() => import('antd/es/result'));

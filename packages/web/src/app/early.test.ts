import { describe, expect, it } from 'vitest';
import { firstRequests, takeEarly } from './early.ts';

describe('firstRequests', () => {
  it('asks for the signed-in user and the list page the address shows', () => {
    expect(firstRequests('/projects', '?level=city&sort=name&order=asc&page=2')).toEqual([
      '/api/auth/me',
      '/api/projects?level=city&sort=name&order=asc&page=2',
    ]);
    expect(firstRequests('/projects', '')).toEqual(['/api/auth/me', '/api/projects']);
  });

  it('drops from the list request what the page would drop (defaults, unknown values)', () => {
    expect(firstRequests('/projects', '?level=nonsense&pageSize=20&order=desc')).toEqual(['/api/auth/me', '/api/projects']);
  });

  it('follows the redirect from / to the list without its query string', () => {
    expect(firstRequests('/', '?page=3')).toEqual(['/api/auth/me', '/api/projects']);
  });

  it('asks only for the user on other signed-in pages and the sign-in page', () => {
    expect(firstRequests('/reports', '')).toEqual(['/api/auth/me']);
    expect(firstRequests('/login', '')).toEqual(['/api/auth/me']);
  });

  it('asks for a published board without the user, and nothing for the list of boards', () => {
    expect(firstRequests('/public/boards/07000000-0008-491d-82b7-ab36dd690068', '')).toEqual(['/api/public/boards/07000000-0008-491d-82b7-ab36dd690068']);
    expect(firstRequests('/public/boards', '')).toEqual([]);
  });
});

describe('takeEarly', () => {
  it('has nothing for a request that was not sent at start-up', () => {
    expect(takeEarly('/api/projects?page=9')).toBeUndefined();
  });
});

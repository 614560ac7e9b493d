import { describe, expect, it } from 'vitest';
import { notificationLink } from './link.ts';

describe('where a notice leads', () => {
  it('opens the problem, report or meeting it is about', () => {
    expect(notificationLink({ kind: 'assigned', entity: 'problem', entityId: 'p1' }, false)).toBe('/problems/p1');
    expect(notificationLink({ kind: 'report_returned', entity: 'report', entityId: 'r1' }, true)).toBe('/reports/r1');
    expect(notificationLink({ kind: 'step', entity: 'meeting', entityId: 'm1' }, false)).toBe('/meetings/m1');
  });

  it('sends an owner to fill in a missing report, others to the project', () => {
    expect(notificationLink({ kind: 'report_missing', entity: 'project', entityId: 'x' }, true)).toBe('/reports/fill/x');
    expect(notificationLink({ kind: 'report_missing', entity: 'project', entityId: 'x' }, false)).toBe('/projects/x');
  });

  it('sends the daily digest to the queue, and leaves unknown things unlinked', () => {
    expect(notificationLink({ kind: 'digest', entity: null, entityId: null }, false)).toBe('/problems');
    expect(notificationLink({ kind: 'test', entity: null, entityId: null }, false)).toBeNull();
    expect(notificationLink({ kind: 'step', entity: 'import', entityId: 'i' }, false)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has defaults that start a local PGlite server on port 3000', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir).toMatch(/data$/);
    expect(c.PACER_DEMO).toBe(true);
    expect(c.PACER_JOBS).toBe(true);
    expect(c.PACER_JOBS_AT).toBe('08:30');
  });

  it('checks the scheduler settings', () => {
    expect(() => loadConfig({ PACER_JOBS_AT: '8:30' })).toThrow(/PACER_JOBS_AT/);
    expect(() => loadConfig({ PACER_JOB_INTERVAL_SECONDS: '1' })).toThrow(/PACER_JOB_INTERVAL_SECONDS/);
    expect(loadConfig({ PACER_JOBS: 'false' }).PACER_JOBS).toBe(false);
  });

  it('refuses a bad value and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: 应以 postgres:\/\//);
  });

  it('treats an empty DATABASE_URL as not set', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});

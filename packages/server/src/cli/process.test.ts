/**
 * The real `pacer` command as a child process: exit codes, output, messages without stacks,
 * and the data-directory lock between two processes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { tempDir } from './testing.ts';

/** Child processes and PGlite seeding take long on a busy machine: generous, not endless. */
const SLOW = 120_000;

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = tempDir();
const dataDir = path.join(dir, 'data');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pacer …` on the temp data directory (PGlite unless `env` says otherwise). */
function pacer(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { ...process.env, PACER_DATA_DIR: dataDir, DATABASE_URL: '', PACER_PASSWORD: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const noStack = (run: Run) => expect(run.stderr).not.toMatch(/\n\s+at /);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pacer (child process)', { timeout: SLOW }, () => {
  it('prints bilingual help', async () => {
    const run = await pacer(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法 Usage: pacer');
    expect(run.stdout).toMatch(/backup .*备份全部数据/);
    expect(run.stdout).toContain('PACER_DATA_DIR');
  });

  it('migrates, adds an account and lists it', async () => {
    const migrate = await pacer(['migrate']);
    expect(migrate.stderr).toBe('');
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain(`PGlite（内嵌）数据目录 ${dataDir}`);
    expect(migrate.stdout).toMatch(/完成 Done: 应用了 \d+ 个迁移/);

    const add = await pacer(['user', 'add', '--username', 'chief', '--name', '竞赛办主任', '--role', 'office'], { PACER_PASSWORD: 'Chief2026' });
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('已创建账号 Created: chief（竞赛办主任，竞赛办）');

    const list = await pacer(['user', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/chief\s+竞赛办主任\s+竞赛办 office\s+正常 active/);
    expect(list.stdout).toContain('共 1 个账号');
  });

  it('fails with exit code 1 and a Chinese message, without a stack', async () => {
    const noPassword = await pacer(['user', 'add', '--username', 'deputy', '--name', '副主任', '--role', 'office']);
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain('没有提供密码');
    noStack(noPassword);

    const weak = await pacer(['user', 'add', '--username', 'deputy', '--name', '副主任', '--role', 'office', '--password', 'weak']);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('--password：密码至少 8 位');
    noStack(weak);

    const unreachable = await pacer(['migrate'], { DATABASE_URL: 'postgres://pacer@127.0.0.1:1/pacer' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('无法连接数据库');
    noStack(unreachable);

    const badEnv = await pacer(['migrate'], { DATABASE_URL: 'mysql://x' });
    expect(badEnv.code).toBe(1);
    expect(badEnv.stderr).toContain('环境变量配置有误');
  });

  it('is refused with the lock message while another process holds the data directory', async () => {
    const holder = await openDatabase({ dataDir });
    try {
      const run = await pacer(['user', 'list']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`数据目录 ${dataDir} 正被另一个 Pacer 进程使用`);
      noStack(run);
    } finally {
      await holder.close();
    }
    expect((await pacer(['user', 'list'])).code).toBe(0);
  });

  it('backs up and restores into another data directory', async () => {
    const file = path.join(dir, 'backup.sql');
    const backup = await pacer(['backup', file]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/users\s+1/);
    const restore = await pacer(['restore', file], { PACER_DATA_DIR: path.join(dir, 'data2') });
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('各表行数与备份一致');
    const again = await pacer(['restore', file], { PACER_DATA_DIR: path.join(dir, 'data2') });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('目标数据库已有数据（users 1 行）');
  });

  it.runIf(!!process.env.DATABASE_URL)('works against PostgreSQL from DATABASE_URL', async () => {
    const name = `pacer_cli_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      const run = await pacer(['migrate'], { DATABASE_URL: url.toString() });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`PostgreSQL postgres://`);
      const list = await pacer(['user', 'list'], { DATABASE_URL: url.toString() });
      expect(list.stdout).toContain('共 0 个账号');
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

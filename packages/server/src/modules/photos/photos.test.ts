import { beijingLocal } from '@pacer/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/harness.ts';

// A real 2×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnwEIGAEAFAMBAO6mr6IAAAAASUVORK5CYII=', 'base64');

function multipart(filename: string, bytes: Buffer, contentType = 'image/png') {
  const boundary = '----pacerTestBoundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let t: TestApp;
let owner: string;
let reportId: string;

beforeAll(async () => {
  t = await testApp({ reports: false });
  owner = await t.login('owner');
  const projectId = (await t.call('GET', '/api/projects', { cookie: owner })).json().items[0].id;
  const today = beijingLocal(new Date()).slice(0, 10);
  const saved = await t.call('PUT', '/api/reports', { cookie: owner, body: { projectId, periodKind: 'week', periodDate: today, ytdYuan: 0, sinceStartYuan: 0, periodYuan: 0 } });
  reportId = saved.json().id;
});
afterAll(async () => t?.close());

const upload = (name: string, bytes: Buffer, cookie = owner) => {
  const { payload, headers } = multipart(name, bytes);
  return t.app.inject({ method: 'POST', url: `/api/reports/${reportId}/photos`, payload, headers: { ...headers, cookie } });
};

describe('report photos', () => {
  it('keeps a real image and serves it back as that image type only', async () => {
    const res = await upload('现场.png', PNG);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'image/png', width: 2, height: 1, takenAt: null });
    const file = await t.call('GET', res.json().url, { cookie: owner });
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(file.rawPayload, PNG)).toBe(0);
  });

  it('refuses a file that is not an image whatever its name says', async () => {
    const res = await upload('photo.jpg', Buffer.from('<script>alert(1)</script>'));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('不是 JPG、PNG 或 WebP 图片');
  });

  it('refuses the same photo twice', async () => {
    expect((await upload('again.png', PNG)).statusCode).toBe(409);
  });

  it('hides photos of another owner\'s report', async () => {
    const other = await t.login('owner2');
    expect((await t.call('GET', `/api/reports/${reportId}/photos`, { cookie: other })).statusCode).toBe(404);
    expect((await upload('x.png', PNG, other)).statusCode).toBe(404);
  });
});

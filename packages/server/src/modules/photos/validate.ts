/**
 * Checks an uploaded photo before it is kept: a real JPEG, PNG or WebP by its bytes (not
 * by its name), of sane size, with its EXIF time and place read as evidence when present.
 */
import { createHash } from 'node:crypto';
import exifr from 'exifr';
import { imageSize } from 'image-size';
import { FieldValidationError } from '../../http/errors.ts';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS_PER_REPORT = 9;
const MAX_SIDE = 12_000;

const SIGNATURES: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

export interface CheckedPhoto {
  contentType: string;
  width: number;
  height: number;
  sha256: string;
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
}

const refuse = (message: string) => new FieldValidationError([{ path: ['file'], field: '现场照片', message }]);

export async function checkPhoto(bytes: Buffer, filename: string): Promise<CheckedPhoto> {
  if (bytes.length === 0) throw refuse(`文件"${filename}"是空的`);
  if (bytes.length > MAX_PHOTO_BYTES) throw refuse(`文件"${filename}"超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，请压缩后再传`);
  const kind = SIGNATURES.find((s) => s.test(bytes));
  if (!kind) throw refuse(`文件"${filename}"不是 JPG、PNG 或 WebP 图片（按文件内容判断，与扩展名无关）`);
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw refuse(`图片"${filename}"已损坏，无法读取尺寸`);
  }
  if (!size.width || !size.height || size.width > MAX_SIDE || size.height > MAX_SIDE) throw refuse(`图片"${filename}"的尺寸不正常（最大 ${MAX_SIDE} 像素）`);
  const exif = await readExif(bytes);
  return {
    contentType: kind.type,
    width: size.width,
    height: size.height,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...exif,
  };
}

async function readExif(bytes: Buffer) {
  try {
    const data = (await exifr.parse(bytes, { gps: true, pick: ['DateTimeOriginal', 'CreateDate', 'latitude', 'longitude'] })) as Record<string, unknown> | undefined;
    const taken = (data?.DateTimeOriginal ?? data?.CreateDate) as Date | undefined;
    const lat = data?.latitude as number | undefined;
    const lng = data?.longitude as number | undefined;
    return {
      takenAt: taken instanceof Date && !Number.isNaN(taken.getTime()) ? taken : null,
      latitude: typeof lat === 'number' && Number.isFinite(lat) ? lat : null,
      longitude: typeof lng === 'number' && Number.isFinite(lng) ? lng : null,
    };
  } catch {
    // A photo without readable EXIF is still a photo; it just carries no evidence of time and place.
    return { takenAt: null, latitude: null, longitude: null };
  }
}

import { en } from './locales.en.ts';
import { zh } from './locales.zh.ts';

export const meetings = { 'zh-CN': zh, 'en-US': en };

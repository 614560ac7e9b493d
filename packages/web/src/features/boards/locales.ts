import { en } from './locales.en.ts';
import { zh } from './locales.zh.ts';

export const boards = { 'zh-CN': zh, 'en-US': en };

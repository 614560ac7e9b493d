import { en } from './locales.en.ts';
import { zh } from './locales.zh.ts';

export const imports = { 'zh-CN': zh, 'en-US': en };

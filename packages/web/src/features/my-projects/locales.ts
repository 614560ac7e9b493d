import { en } from './locales.en.ts';
import { zh } from './locales.zh.ts';

export const myProjects = { 'zh-CN': zh, 'en-US': en };

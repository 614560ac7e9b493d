import type { Messages } from '../../app/messages.ts';

const zh = {
  username: '用户名',
  password: '密码',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  submit: '登录',
};

const en: Messages<typeof zh> = {
  username: 'Username',
  password: 'Password',
  usernameRequired: 'Enter your username',
  passwordRequired: 'Enter your password',
  submit: 'Sign in',
};

export const auth = { 'zh-CN': zh, 'en-US': en };
